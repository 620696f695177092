// What the waitlist texts say, in the customer's language. An offer asks for "1" — never YES (an opt-in
// word) nor CANCEL (an opt-out word) — and names the stylist, the time in the salon's zone and the service.
import { format } from "date-fns";
import { es } from "date-fns/locale";
import type { Language } from "@/lib/i18n/language";
import { inZone } from "@/lib/time/zoned";

export type OfferSlot = {
  startsAt: Date;
  timeZone: string;
  stylist: string | null;
  service: string | null;
  /** The customer's current booking would move to this time. */
  moving: boolean;
};

/** "Thu, Dec 10 at 2:00 PM" / "jue 10 dic a las 14:00". */
export function offerTime(startsAt: Date, timeZone: string, language: Language): string {
  const local = inZone(startsAt, timeZone);
  return language === "es"
    ? format(local, "EEE d MMM 'a las' H:mm", { locale: es })
    : format(local, "EEE, MMM d 'at' h:mm a");
}

export function offerBody(slot: OfferSlot, language: Language): string {
  const when = offerTime(slot.startsAt, slot.timeZone, language);
  if (language === "es") {
    const who = slot.stylist ? `${slot.stylist} tiene` : "Tenemos";
    const what = slot.service ? ` para ${slot.service}` : "";
    const ask = slot.moving ? "Responda 1 para cambiar su cita a esa hora." : "Responda 1 para reservarla.";
    return `${who} un hueco el ${when}${what}. ${ask}`;
  }
  const who = slot.stylist ? `${slot.stylist} has` : "We have";
  const what = slot.service ? ` for a ${slot.service}` : "";
  const ask = slot.moving ? "Reply 1 to move your appointment to it." : "Reply 1 to take it.";
  return `${who} an opening ${when}${what}. ${ask}`;
}

export function bookedReply(slot: OfferSlot, language: Language): string {
  const when = offerTime(slot.startsAt, slot.timeZone, language);
  if (language === "es") {
    const with_ = slot.stylist ? ` con ${slot.stylist}` : "";
    return slot.moving
      ? `¡Listo! Su cita se cambió al ${when}${with_}.`
      : `¡Listo! Tiene cita el ${when}${with_}${slot.service ? ` para ${slot.service}` : ""}.`;
  }
  const with_ = slot.stylist ? ` with ${slot.stylist}` : "";
  return slot.moving
    ? `Done! Your appointment is moved to ${when}${with_}.`
    : `Done! You're booked ${when}${with_}${slot.service ? ` for a ${slot.service}` : ""}.`;
}

export function slotTakenReply(language: Language): string {
  return language === "es"
    ? "Lo sentimos, esa hora se acaba de ocupar. Sigue en la lista de espera."
    : "Sorry, that time was just taken — you're still on the waitlist.";
}

export function offerExpiredReply(language: Language): string {
  return language === "es"
    ? "Lo sentimos, esa oferta ya venció. Sigue en la lista de espera."
    : "Sorry, that offer has expired — you're still on the waitlist.";
}

/** "1", "1.", "1 please", "one", "uno": the customer takes the offer. */
export function isTakeAnswer(body: string): boolean {
  const text = body.trim().toLowerCase();
  return text.length <= 30 && /^(1|one|uno)(?![\p{L}\p{N}])/u.test(text);
}
