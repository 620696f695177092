// The dialogue by text: a customer's text that is no keyword is understood in their language (the one
// remembered, else the one the words are in) against the salon's own services and stylists, and — if
// it asks to book, move, cancel or join the waitlist, or answers a pending question — taken as a turn
// of their conversation's dialogue. The channel (keyword-actions.ts) sends the answer.
import { rememberLanguage } from "@/lib/customers/remember-language";
import { db } from "@/lib/db";
import { isLanguage } from "@/lib/i18n/language";
import { logger } from "@/lib/logger";
import { loadCatalog } from "@/lib/receptionist/catalog";
import { canBookHere, type DialogueAnswer } from "@/lib/receptionist/dialogue/context";
import { dialogueKey } from "@/lib/receptionist/dialogue/store";
import { takeDialogueTurn } from "@/lib/receptionist/dialogue/take-turn";
import { understandText as readWithEngine } from "@/lib/telephony/receptionist/understand-text";
import type { Understanding } from "@/lib/receptionist/understanding";

export type TextTurn = {
  salon: { id: string; name: string; timeZone: string };
  customerId: string;
  messageSid: string;
  body: string;
  now: Date;
};

/**
 * What the text means, or null when this salon has nothing the receptionist can book (no active
 * service with an active stylist): its texts keep today's auto-reply and staff's attention.
 */
export async function understandText(turn: TextTurn): Promise<Understanding | null> {
  if (!(await canBookHere(turn.salon.id))) return null;
  const [catalog, customer] = await Promise.all([
    loadCatalog(turn.salon.id),
    db.customer.findFirst({ where: { id: turn.customerId, salonId: turn.salon.id }, select: { language: true } }),
  ]);
  const language = isLanguage(customer?.language) ? customer.language : undefined;
  // Through the configured engine and its fallback, like a caller's speech.
  const log = logger.child({ salonId: turn.salon.id, messageSid: turn.messageSid });
  return readWithEngine({ text: turn.body, salon: turn.salon, language, catalog, now: turn.now }, log);
}

/** The dialogue's answer to this text, or null when the text is no part of one (the auto-reply's then). */
export async function takeTextTurn(turn: TextTurn, understanding: Understanding): Promise<DialogueAnswer | null> {
  const answer = await takeDialogueTurn({
    salon: turn.salon,
    medium: "text",
    key: dialogueKey.text(turn.customerId),
    customerId: turn.customerId,
    turnKey: turn.messageSid,
    text: turn.body,
    understanding,
    language: understanding.language,
    now: turn.now,
  });
  // Whoever books in Spanish is answered in Spanish from then on (confirmations, reminders too).
  if (answer) await rememberLanguage(turn.salon.id, turn.customerId, understanding.language);
  return answer;
}
