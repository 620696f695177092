// Everything the dialogue says, in English and Spanish, by text and by phone. Times are in the salon's
// zone: "Sat Dec 12 at 9:30 AM" in a text, "Saturday, December 12 at 9:30 AM" aloud. Answers name a
// number to reply or press; none ever asks for YES (an opt-in word, like START) or names CANCEL (a
// carrier opt-out word).
import { format } from "date-fns";
import { es } from "date-fns/locale";
import type { Language } from "@/lib/i18n/language";
import { inZone } from "@/lib/time/zoned";

export type Medium = "text" | "call";
export type Say = { language: Language; medium: Medium; timeZone: string };

const PATTERNS: Record<Language, Record<Medium, string>> = {
  en: { text: "EEE MMM d 'at' h:mm a", call: "EEEE, MMMM d 'at' h:mm a" },
  es: { text: "EEE d 'de' MMM 'a las' H:mm", call: "EEEE d 'de' MMMM 'a las' H:mm" },
};

export function sayTime(s: Say, at: Date | string): string {
  return format(inZone(at, s.timeZone), PATTERNS[s.language][s.medium], s.language === "es" ? { locale: es } : {});
}

/** "1, 2 or 3" / "1, 2 o 3". */
function numbers(s: Say, count: number): string {
  const all = Array.from({ length: count }, (_, i) => String(i + 1));
  if (all.length === 1) return all[0]!;
  return `${all.slice(0, -1).join(", ")} ${s.language === "es" ? "o" : "or"} ${all.at(-1)}`;
}

/** "Reply 1 or 2." / "Press 1 or 2, or say the time." */
function answerWith(s: Say, count: number): string {
  const n = numbers(s, count);
  if (s.language === "es") return s.medium === "text" ? `Responda ${n}.` : `Oprima ${n}.`;
  return s.medium === "text" ? `Reply ${n}.` : `Press ${n}.`;
}

/** "Haircut with Maria on Sat Dec 12 at 9:30 AM" — an appointment as the dialogue names it. */
export function nameAppointment(s: Say, a: { service?: string | null; stylist?: string | null; startsAt: Date | string }): string {
  const es_ = s.language === "es";
  const what = a.service ?? (es_ ? "cita" : "appointment");
  const who = a.stylist ? (es_ ? ` con ${a.stylist}` : ` with ${a.stylist}`) : "";
  return `${what}${who} ${es_ ? "el" : "on"} ${sayTime(s, a.startsAt)}`;
}

export type SlotWords = { startsAt: string; stylist: string };

export const phrases = {
  askService(s: Say, services: string[]): string {
    const list = services.slice(0, 6).join(", ");
    return s.language === "es"
      ? `¿Qué servicio desea? Ofrecemos: ${list}.`
      : `Which service would you like? We offer: ${list}.`;
  },
  askWhen(s: Say, stylists: string[]): string {
    const list = stylists.slice(0, 4).join(", ");
    return s.language === "es"
      ? `¿Con quién (${list}, o cualquiera) y qué día y hora le vienen bien?`
      : `Who would you like (${list}, or anyone), and what day and time suit you?`;
  },
  /** The offer: numbered slots; `moving` names the appointment they would move; `waitlist` adds a last number. */
  offer(s: Say, o: { service: string; slots: SlotWords[]; nearest: boolean; moving?: string; waitlist: boolean }): string {
    const es_ = s.language === "es";
    const items = o.slots.map((slot, i) => `${i + 1}) ${sayTime(s, slot.startsAt)} ${es_ ? "con" : "with"} ${slot.stylist}`).join(", ");
    const lead = o.moving
      ? es_
        ? `Para mover su ${o.moving}, tenemos`
        : `To move your ${o.moving}, we have`
      : es_
        ? `Para ${o.service} tenemos`
        : `For a ${o.service} we have`;
    const nearest = o.nearest ? (es_ ? "No hay nada libre a esa hora. Lo más cercano: " : "Nothing is free then. The nearest: ") : "";
    const waitlist = o.waitlist
      ? es_
        ? ` O ${o.slots.length + 1} para la lista de espera.`
        : ` Or ${o.slots.length + 1} to join the waitlist.`
      : "";
    return `${nearest}${lead}: ${items}. ${answerWith(s, o.slots.length)}${waitlist}`;
  },
  nothingFree(s: Say, o: { waitlist: boolean }): string {
    const es_ = s.language === "es";
    const base = es_ ? "Lo siento, no hay nada libre en las próximas dos semanas." : "Sorry, nothing is free in the next two weeks.";
    if (!o.waitlist) return base;
    return `${base} ${es_ ? (s.medium === "text" ? "Responda 1" : "Oprima 1") : s.medium === "text" ? "Reply 1" : "Press 1"} ${es_ ? "para la lista de espera." : "to join the waitlist."}`;
  },
  booked(s: Say, appointment: string): string {
    if (s.language === "es") return `¡Listo! Tiene ${appointment}.${s.medium === "call" ? " Le enviaré la confirmación por mensaje." : ""}`;
    return `You're booked: ${appointment}.${s.medium === "call" ? " I'll text you the confirmation." : " See you then!"}`;
  },
  slotTaken(s: Say): string {
    return s.language === "es" ? "Lo siento, esa hora se acaba de ocupar." : "Sorry, that time was just taken.";
  },
  chooseAppointment(s: Say, action: "move" | "cancel", appointments: string[]): string {
    const es_ = s.language === "es";
    const items = appointments.map((a, i) => `${i + 1}) ${a}`).join(", ");
    const verb = es_ ? (action === "move" ? "mover" : "anular") : action;
    return es_ ? `¿Qué cita desea ${verb}? ${items}. ${answerWith(s, appointments.length)}` : `Which appointment would you like to ${verb}? ${items}. ${answerWith(s, appointments.length)}`;
  },
  confirmCancel(s: Say, appointment: string): string {
    if (s.language === "es") return `${s.medium === "text" ? "Responda" : "Oprima"} 1 para anular su ${appointment}, o 2 para mantenerla.`;
    return `${s.medium === "text" ? "Reply" : "Press"} 1 to cancel your ${appointment}, or 2 to keep it.`;
  },
  confirmMove(s: Say, appointment: string, to: string): string {
    if (s.language === "es") return `${s.medium === "text" ? "Responda" : "Oprima"} 1 para mover su ${appointment} al ${to}, o 2 para mantenerla.`;
    return `${s.medium === "text" ? "Reply" : "Press"} 1 to move your ${appointment} to ${to}, or 2 to keep it.`;
  },
  moved(s: Say, appointment: string): string {
    return s.language === "es" ? `¡Listo! Su cita ahora es: ${appointment}.` : `Done: your appointment is now ${appointment}.`;
  },
  cancelled(s: Say, appointment: string): string {
    return s.language === "es" ? `Listo: su ${appointment} está anulada.` : `Done: your ${appointment} is cancelled.`;
  },
  kept(s: Say, appointment: string): string {
    return s.language === "es" ? `De acuerdo, mantenemos su ${appointment}.` : `OK, we've kept your ${appointment}.`;
  },
  confirmed(s: Say, appointment: string): string {
    return s.language === "es" ? `¡Gracias! Su ${appointment} está confirmada.` : `Thanks! Your ${appointment} is confirmed.`;
  },
  noAppointment(s: Say): string {
    return s.language === "es"
      ? "No encontramos una próxima cita para este número."
      : "We couldn't find an upcoming appointment for this number.";
  },
  waitlisted(s: Say): string {
    return s.language === "es"
      ? "Listo, está en la lista de espera. Le escribiremos si se libera una hora."
      : "You're on the waitlist. We'll text you if a time opens up.";
  },
  stale(s: Say): string {
    return s.language === "es"
      ? "Esa oferta ya caducó. Escríbanos qué desea reservar y buscaremos otra hora."
      : "That offer has expired. Text us what you'd like to book and we'll find a new time.";
  },
  pickAgain(s: Say, count: number): string {
    return s.language === "es" ? `Perdone, no le entendí. ${answerWith(s, count)}` : `Sorry, I didn't get that. ${answerWith(s, count)}`;
  },
};
