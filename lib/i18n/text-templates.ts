// Every text Bolt sends a customer, in each language it texts in. The sending code picks the customer's
// language (customers.language; unknown reads as English) and words the text here. Keywords stay the
// carriers' and Bolt's own (STOP, START, C, R): ALTO, AYUDA and the rest work too (lib/messaging/keywords.ts),
// but STOP and START are the words every carrier honours, so the Spanish texts name them alongside.
import type { Language } from "@/lib/i18n/language";

export type TextTemplates = {
  optOutFooter: string;
  /** "your Haircut appointment with Ana" */
  booking: (serviceName: string | null | undefined, employeeName: string | null | undefined) => string;
  /** "Balayage on Friday, Dec 4 at 2:00 PM" (`when` from describeAppointmentTime). */
  appointment: (serviceName: string | undefined, when: string) => string;
  confirmation: (salonName: string, booking: string, when: string) => string;
  reminder: (salonName: string, booking: string, when: string) => string;
  defaultAutoReply: string;
  stopReply: (salonName: string) => string;
  resubscribedReply: (salonName: string) => string;
  subscribedReply: (salonName: string) => string;
  helpReply: (salonName: string, phone: string, optedOut: boolean) => string;
  confirmReply: (appointment: string) => string;
  alreadyConfirmedReply: (appointment: string) => string;
  nothingToConfirmReply: string;
  rescheduleReply: string;
  missedCall: (salonName: string) => string;
  bookingInfo: string;
};

const en: TextTemplates = {
  optOutFooter: "Reply STOP to opt out.",
  booking: (service, employee) => `your ${service ? `${service} ` : ""}appointment${employee ? ` with ${employee}` : ""}`,
  appointment: (service, when) => `${service ?? "appointment"} ${when}`,
  confirmation: (salon, booking, when) => `${salon}: Confirmed: ${booking} is ${when}. Reply R to reschedule.`,
  reminder: (salon, booking, when) => `${salon}: Reminder: ${booking} is ${when}. Reply C to confirm or R to reschedule.`,
  defaultAutoReply: "Thanks for your text! We'll get back to you as soon as we can.",
  stopReply: (salon) => `You're unsubscribed from ${salon} texts. Reply START to resubscribe.`,
  resubscribedReply: (salon) => `You're resubscribed to ${salon} texts. Reply STOP to opt out.`,
  subscribedReply: (salon) => `You're subscribed to ${salon} texts. Reply HELP for help or STOP to opt out.`,
  helpReply: (salon, phone, optedOut) =>
    `${salon}: questions? Call us at ${phone}. ${optedOut ? "Reply START to get texts again." : "Reply STOP to opt out."}`,
  confirmReply: (appointment) => `Thanks! Your ${appointment} is confirmed.`,
  alreadyConfirmedReply: (appointment) => `Your ${appointment} is already confirmed.`,
  nothingToConfirmReply: "We couldn't find an upcoming appointment to confirm. Reply here and someone will help you.",
  rescheduleReply: "Got it! Someone from the salon will text you back to find a new time.",
  missedCall: (salon) => `Sorry we missed your call at ${salon} — reply here or call back and we'll be happy to help.`,
  bookingInfo: "To book, reply to this text with the service you'd like and a day and time that suit you, and we'll confirm.",
};

const es: TextTemplates = {
  optOutFooter: "Responda ALTO o STOP para no recibir más mensajes.",
  booking: (service, employee) => `su cita${service ? ` de ${service}` : ""}${employee ? ` con ${employee}` : ""}`,
  appointment: (service, when) => `cita${service ? ` de ${service}` : ""} ${when}`,
  confirmation: (salon, booking, when) => `${salon}: Confirmada: ${booking} es ${when}. Responda R para cambiar la hora.`,
  reminder: (salon, booking, when) =>
    `${salon}: Recordatorio: ${booking} es ${when}. Responda C para confirmar o R para cambiar la hora.`,
  defaultAutoReply: "¡Gracias por su mensaje! Le responderemos lo antes posible.",
  stopReply: (salon) => `Ya no recibirá mensajes de ${salon}. Responda START para volver a recibirlos.`,
  resubscribedReply: (salon) => `Volverá a recibir mensajes de ${salon}. Responda ALTO para no recibir más.`,
  subscribedReply: (salon) => `Está suscrito a los mensajes de ${salon}. Responda AYUDA para obtener ayuda o ALTO para no recibir más.`,
  helpReply: (salon, phone, optedOut) =>
    `${salon}: ¿preguntas? Llámenos al ${phone}. ${optedOut ? "Responda START para volver a recibir mensajes." : "Responda ALTO para no recibir más mensajes."}`,
  confirmReply: (appointment) => `¡Gracias! Su ${appointment} está confirmada.`,
  alreadyConfirmedReply: (appointment) => `Su ${appointment} ya está confirmada.`,
  nothingToConfirmReply: "No encontramos ninguna cita próxima que confirmar. Responda aquí y alguien le ayudará.",
  rescheduleReply: "¡Entendido! Alguien del salón le escribirá para buscar una nueva hora.",
  missedCall: (salon) => `Sentimos no haber contestado su llamada a ${salon}. Responda aquí o vuelva a llamar y con gusto le ayudamos.`,
  bookingInfo:
    "Para hacer una cita, responda a este mensaje con el servicio que desea y el día y la hora que le convengan, y se la confirmamos.",
};

const TEXT_TEMPLATES: Record<Language, TextTemplates> = { en, es };

/** The templates for a customer's language; unknown (null) reads as English. */
export function textTemplates(language: Language | null | undefined): TextTemplates {
  return TEXT_TEMPLATES[language ?? "en"];
}

/**
 * What a caller who asked to book is texted: the owner's own instructions when set (their words, in the
 * one language they wrote them in), else Bolt's default in the caller's language.
 */
export function bookingInfoText(salon: { bookingInstructions: string | null }, language: Language): string {
  return salon.bookingInstructions?.trim() || textTemplates(language).bookingInfo;
}
