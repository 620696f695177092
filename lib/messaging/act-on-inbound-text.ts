// Acting on stored incoming texts this process has claimed (lib/messaging/inbound-claims.ts), and
// marking them done. The text is committed before this runs, so a failure here (the process dies,
// staff cancel the appointment a C confirms, queueing fails) leaves processedAt null and the worker's
// sweep (retry-unprocessed-texts.ts) acts on it again later, with backoff. Twilio does not retry a
// text webhook that answered, so the sweep is the retry. The keyword actions are safe to repeat, so
// the answer is neither lost nor doubled. Each step reads the clock anew: one sweep may go on for minutes.
import { enqueueAlert } from "@/lib/alerts/dispatch";
import { openConversationFollowUp } from "@/lib/conversations/conversation-follow-up";
import { rememberLanguage } from "@/lib/customers/remember-language";
import { keywordLanguage } from "@/lib/messaging/keywords";
import {
  finishInboundText,
  releaseInboundText,
  claimNextWaitingText,
  MAX_ATTEMPTS,
  type ClaimedText,
} from "@/lib/messaging/inbound-claims";
import {
  isHandledAutomatically,
  runKeywordAction,
  type KeywordOutcome,
} from "@/lib/messaging/keyword-actions";
import type { Logger } from "@/lib/logger";
import type { Clock } from "@/lib/time/clock";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";

/** A customer's texts acted on in one go; bounded so one busy conversation can't hold a process for long. */
const MAX_TEXTS_IN_A_ROW = 20;

export type ActedText = { messageSid: string; outcome: KeywordOutcome | null };

/** Acts on one claimed text; throws (leaving it to the sweep) if the action fails. */
async function actOnInboundText(salon: WebhookSalon, text: ClaimedText, clock: Clock, log: Logger): Promise<KeywordOutcome> {
  // The stored keyword, not the body parsed anew: the ordering rules went by it (a STOP skipped the queue).
  const { keyword } = text;
  // A Spanish keyword (ALTO, AYUDA…) is answered in Spanish and remembered; otherwise the customer's language.
  const spoken = keyword ? keywordLanguage(text.body) : null;
  let outcome: KeywordOutcome;
  let handled: boolean;
  try {
    if (spoken) await rememberLanguage(salon.id, text.customer.id, spoken);
    outcome = await runKeywordAction(keyword, {
      salon,
      customer: text.customer,
      language: spoken ?? text.customer.language ?? "en",
      messageSid: text.messageSid,
      body: text.body,
      answeredByProvider: text.answeredByProvider,
      receivedAt: text.receivedAt,
      now: clock(),
    });
    handled = isHandledAutomatically(keyword, outcome);
    // Before the text is finished, so a failure here is retried with it (each step is safe to repeat):
    // what Bolt didn't fully handle waits for staff in the follow-up queue, and a text left for staff
    // alerts the team (keywords Bolt acts on don't; R has its own alert; the job's id makes a retry a no-op).
    if (!handled) await openConversationFollowUp(salon.id, text.customer.id, text.receivedAt);
    if (keyword === null && !handled) await enqueueAlert({ salonId: salon.id, event: "NEW_TEXT", ref: text.messageSid });
  } catch (err) {
    await releaseInboundText(salon.id, text);
    throw err;
  }
  // A text Bolt answered completely stops waiting for staff only now that it really is answered.
  const held = await finishInboundText(salon.id, text, clock(), handled);
  // The actions are safe to repeat, so the process that claimed it since acting again doubles nothing.
  if (!held) log.warn({ salonId: salon.id, messageSid: text.messageSid, attempt: text.attempt }, "acted on an incoming text after its lease ran out; the process holding it now finishes it");
  return outcome;
}

/**
 * Acts on `first`, then on the customer's texts that waited for it, oldest first. Each failure is
 * logged and left to the sweep (the texts behind a failed one wait for its retry); the outcome is
 * null for a text whose action failed.
 */
export async function actOnClaimedTexts(
  salon: WebhookSalon,
  first: ClaimedText,
  clock: Clock,
  log: Logger,
): Promise<ActedText[]> {
  const acted: ActedText[] = [];
  let text: ClaimedText | null = first;
  while (text && acted.length < MAX_TEXTS_IN_A_ROW) {
    const fields = {
      salonId: salon.id,
      messageSid: text.messageSid,
      customerId: text.customer.id,
      attempt: text.attempt,
    };
    try {
      const outcome = await actOnInboundText(salon, text, clock, log);
      log.info({ ...fields, outcome }, "incoming text acted on");
      acted.push({ messageSid: text.messageSid, outcome });
    } catch (err) {
      const lastTry = text.attempt >= MAX_ATTEMPTS;
      log.error(
        { ...fields, err },
        lastTry
          ? "acting on an incoming text failed for the last time: Bolt gives up on it (unread for staff), and the customer's newer texts go on"
          : "acting on an incoming text failed; the sweep retries it, and the customer's newer texts wait for it",
      );
      acted.push({ messageSid: text.messageSid, outcome: null });
    }
    text = await claimNextWaitingText(salon.id, text.customer.id, clock);
  }
  return acted;
}
