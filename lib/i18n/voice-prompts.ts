// What the receptionist says on a call, in each language it speaks. Plain sentences for text-to-speech;
// the TwiML around them (voice, language attributes) is lib/telephony/voice-twiml.ts's.
import type { Language } from "@/lib/i18n/language";

/** The key that switches a call to the other language, said at the menu. 2 would be the issue's
 * example, but 2 is "our address" in the menu; 9 is free and far from the menu's 0–6. */
export const SWITCH_LANGUAGE_DIGIT = "9";

export type VoicePrompts = {
  menu: string;
  followUp: string;
  followUpReprompt: string;
  /** Words the speech recogniser should expect (Twilio's hints). */
  hints: string;
  /** Said in the OTHER language, so a caller who doesn't understand this one hears how to switch. */
  switchOffer: string;
  defaultGreeting: (salonName: string) => string;
  goodbyeFrom: (salonName: string) => string;
  goodbye: string;
  leaveMessage: (intro: string) => string;
  noMessage: string;
  thanksForMessage: string;
  nobodyCouldAnswer: string;
  hold: string;
  notCaught: string;
  stillNotCaught: string;
  sure: string;
  cannotText: string;
  optedOutOfTexts: string;
  bookingTextSent: string;
  nobodyAvailable: string;
  cannotPutThrough: string;
};

const en: VoicePrompts = {
  menu:
    "You can say what you need, like book an appointment, or press 1 for our hours, 2 for our address, " +
    "3 for prices, 4 to book, 5 to talk to someone, or 6 to leave a message.",
  followUp: "Is there anything else I can help you with? Just say what you need, or press 1 to 6. If that's everything, just say so.",
  // After a follow-up answer Bolt didn't understand: the way out is named, since a mumbled "no" got here.
  followUpReprompt: "Just say what you need, or press 1 to 6. Or if that's everything, just say goodbye.",
  hints:
    "hours, open, address, where, directions, prices, how much, book, appointment, haircut, cancel, reschedule, " +
    "talk to someone, person, reception, operator, message, voicemail, that's all, no thanks, goodbye",
  switchOffer: "Para español, oprima 9.",
  defaultGreeting: (name) => `Thanks for calling ${name}.`,
  goodbyeFrom: (name) => `Thanks for calling ${name}. Goodbye.`,
  goodbye: "Thanks for calling. Goodbye.",
  leaveMessage: (intro) => `${intro} Please leave your name, number and message after the tone. Press the pound key when you're done.`,
  noMessage: "We didn't get a message. Thanks for calling. Goodbye.",
  thanksForMessage: "Thank you for your message. We'll get back to you soon. Goodbye.",
  nobodyCouldAnswer: "Sorry, nobody could get to the phone.",
  hold: "Please hold while I connect you.",
  notCaught: "Sorry, I didn't catch that.",
  stillNotCaught: "Sorry, I still didn't catch that.",
  sure: "Sure.",
  cannotText: "I can't send a text to this number.",
  optedOutOfTexts: "You've opted out of texts from us, so I can't text you how to book.",
  bookingTextSent: "I've just sent you a text with how to book.",
  nobodyAvailable: "Nobody is available to take your call right now.",
  cannotPutThrough: "I can't put you through right now, but I'll make sure the salon gets your message.",
};

const es: VoicePrompts = {
  menu:
    "Puede decir lo que necesita, por ejemplo hacer una cita, u oprima 1 para nuestro horario, 2 para nuestra dirección, " +
    "3 para precios, 4 para hacer una cita, 5 para hablar con alguien, o 6 para dejar un mensaje.",
  followUp: "¿Le puedo ayudar con algo más? Solo diga lo que necesita, u oprima del 1 al 6. Si eso es todo, solo dígamelo.",
  followUpReprompt: "Solo diga lo que necesita, u oprima del 1 al 6. O si eso es todo, solo diga adiós.",
  hints:
    "horario, abierto, dirección, dónde, cómo llegar, precios, cuánto cuesta, cita, reservar, corte, cancelar, cambiar, " +
    "hablar con alguien, persona, recepción, mensaje, buzón de voz, eso es todo, no gracias, adiós",
  switchOffer: "For English, press 9.",
  defaultGreeting: (name) => `Gracias por llamar a ${name}.`,
  goodbyeFrom: (name) => `Gracias por llamar a ${name}. Adiós.`,
  goodbye: "Gracias por llamar. Adiós.",
  leaveMessage: (intro) => `${intro} Por favor deje su nombre, su número y su mensaje después del tono. Oprima la tecla de numeral cuando termine.`,
  noMessage: "No recibimos ningún mensaje. Gracias por llamar. Adiós.",
  thanksForMessage: "Gracias por su mensaje. Le llamaremos pronto. Adiós.",
  nobodyCouldAnswer: "Perdón, nadie pudo contestar el teléfono.",
  hold: "Un momento, por favor, le comunico.",
  notCaught: "Perdón, no le entendí.",
  stillNotCaught: "Perdón, todavía no le entendí.",
  sure: "Claro.",
  cannotText: "No puedo enviar mensajes de texto a este número.",
  optedOutOfTexts: "Usted pidió no recibir mensajes de texto nuestros, así que no le puedo enviar cómo hacer una cita.",
  bookingTextSent: "Le acabo de enviar un mensaje de texto con cómo hacer una cita.",
  nobodyAvailable: "No hay nadie disponible para atender su llamada en este momento.",
  cannotPutThrough: "No le puedo comunicar en este momento, pero el salón recibirá su mensaje.",
};

const VOICE_PROMPTS: Record<Language, VoicePrompts> = { en, es };

export function voicePrompts(language: Language | null | undefined): VoicePrompts {
  return VOICE_PROMPTS[language ?? "en"];
}

export function otherLanguage(language: Language): Language {
  return language === "es" ? "en" : "es";
}
