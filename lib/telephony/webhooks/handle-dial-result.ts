// The forwarded call ended: staff answered (the call is done) or not (the caller goes to voicemail).
// Either way the timeline notes how the transfer ended, once per dialled leg.
import { recordCallEvents, type CallEventDraft } from "@/lib/calls/call-events";
import { db } from "@/lib/db";
import type { Logger } from "@/lib/logger";
import { cancelPendingMissedCallText } from "@/lib/calls/missed-call-text";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import { appendGoodbye, appendVoicemail, newVoiceResponse, type VoiceResponse } from "@/lib/telephony/voice-twiml";
import type { DialResultParams } from "@/lib/validations/calls";

export type DialResult = { params: DialResultParams; salon: WebhookSalon | null; log: Logger; now?: Date };

export async function handleDialResult({ params, salon, log, now = new Date() }: DialResult): Promise<VoiceResponse> {
  const response = newVoiceResponse();
  if (!salon) return appendGoodbye(response);
  const answered = params.DialCallStatus === "completed";
  const ended: CallEventDraft = {
    kind: "TRANSFER_ENDED",
    detail: {
      to: salon.forwardingPhone,
      result: params.DialCallStatus ?? "unknown",
      ...(params.DialCallDuration !== undefined ? { seconds: params.DialCallDuration } : {}),
    },
  };
  const events: CallEventDraft[] = answered ? [ended] : [ended, { kind: "VOICEMAIL_STARTED", detail: { why: "no-answer" } }];
  // Keyed by the dialled leg: a retry of this callback adds nothing.
  await recordCallEvents({ salonId: salon.id, callSid: params.CallSid, source: `dial:${params.DialCallSid ?? "-"}`, at: now, log }, events);

  if (!answered) {
    log.info({ dialCallStatus: params.DialCallStatus }, "nobody answered the forwarded call");
    return appendVoicemail(response, "Sorry, nobody could get to the phone.");
  }

  // Answered: the bridge lasted DialCallDuration seconds and just ended.
  const answeredAt = new Date(now.getTime() - (params.DialCallDuration ?? 0) * 1000);
  const [call] = await db.callLog.updateManyAndReturn({
    where: { salonId: salon.id, callSid: params.CallSid, answeredAt: null },
    data: { answeredAt, forwardedTo: salon.forwardingPhone, reason: "TRANSFER" },
    select: { salonId: true, from: true, callSid: true, missedCallTextAt: true },
  });
  // The hang-up's status callback may have beaten us here and scheduled a missed-call text.
  if (call?.missedCallTextAt) await cancelPendingMissedCallText(call, "Staff answered the call.");
  return appendGoodbye(response, `Thanks for calling ${salon.name}. Goodbye.`);
}
