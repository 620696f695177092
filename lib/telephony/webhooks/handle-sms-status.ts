// Twilio's delivery report for an outgoing text (StatusCallback), already signature-checked by
// the webhook wrapper. The report only ever touches a notification of the salon that owns the
// sending number ("From"), so one account's callbacks can never move another salon's texts.
import { setTimeout as sleep } from "node:timers/promises";
import { advanceNotificationStatus } from "@/lib/messaging/notification-status";
import { recordCarrierOptOut } from "@/lib/messaging/opt-out";
import { isRecipientOptedOut } from "@/lib/telephony/error-codes";
import type { SmsStatusReport } from "@/lib/telephony/params/sms";
import { mapTwilioMessageStatus } from "@/lib/telephony/statuses";
import type { WebhookInput } from "@/lib/telephony/webhook-route";

/** A callback can beat our own write of the SID by a few milliseconds; look once more before ignoring. */
const UNKNOWN_SID_RECHECK_MS = 250;

function acknowledged(): Response {
  return new Response(null, { status: 204 });
}

export async function handleSmsStatus({ params, salon, log, now = new Date() }: WebhookInput<SmsStatusReport> & { now?: Date }): Promise<Response> {
  const { messageSid: sid, messageStatus: twilioStatus, errorCode } = params;
  const status = mapTwilioMessageStatus(twilioStatus);
  // Unknown numbers, statuses or messages are acknowledged and ignored (Twilio would only retry).
  if (!salon || !sid || !status) {
    log.info({ twilioStatus, known: Boolean(salon) }, "sms status ignored");
    return acknowledged();
  }
  const report = () =>
    advanceNotificationStatus({ providerMessageId: sid }, status, { salonId: salon.id, errorCode });

  let result = await report();
  if (!result.found) {
    await sleep(UNKNOWN_SID_RECHECK_MS);
    result = await report();
  }
  if (!result.found) {
    log.info({ twilioStatus }, "sms status for an unknown message ignored");
    return acknowledged();
  }
  log.debug({ twilioStatus, moved: result.moved, eventAdded: result.eventAdded }, "sms status recorded");
  // The carrier knows the number opted out (perhaps via another of our numbers): as when a send fails
  // with it. Only when this report moved the text into its failure: a replay, or a second failure
  // report for the same text, must not undo a START texted since.
  const failed = status === "FAILED" || status === "UNDELIVERED";
  if (failed && isRecipientOptedOut(errorCode) && result.moved && result.destination) {
    await recordCarrierOptOut(salon.id, result.destination, now);
    log.info({ errorCode }, "recipient opted out at the carrier; recorded");
  }
  return acknowledged();
}
