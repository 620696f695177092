// Acting on a stored incoming text, and marking it done. The text is committed before this runs, so a
// failure here (the process dies, staff cancel the appointment a C confirms, queueing fails) leaves
// processedAt null: Twilio's redelivery or the worker's sweep (retry-unprocessed-texts.ts) acts
// again, and the keyword actions are safe to repeat, so the answer is neither lost nor doubled.
import { db } from "@/lib/db";
import {
  isHandledAutomatically,
  runKeywordAction,
  type InboundTextContext,
  type KeywordOutcome,
} from "@/lib/messaging/keyword-actions";
import type { InboundKeyword } from "@/lib/messaging/keywords";

export type InboundTextToAct = InboundTextContext & { messageId: string; keyword: InboundKeyword | null };

export async function actOnInboundText(text: InboundTextToAct): Promise<KeywordOutcome> {
  const outcome = await runKeywordAction(text.keyword, text);
  const doneAt = new Date();
  await db.inboundMessage.updateMany({
    where: { id: text.messageId, salonId: text.salon.id, processedAt: null },
    // A text Bolt answered completely stops waiting for staff only now that it really is answered.
    data: { processedAt: doneAt, ...(isHandledAutomatically(text.keyword) ? { readAt: doneAt } : {}) },
  });
  return outcome;
}
