// The forwarded call ended. It was answered by staff only if someone took it at the screening
// (handle-screen-result.ts noted that on the call log): a "completed" dial without that was the
// phone's own voicemail or nobody pressing 1, and the caller goes to Bolt's voicemail like a no-answer.
// Either way the timeline notes how the transfer ended, once per dialled leg.
import { recordCallEvents, type CallEventDraft } from "@/lib/calls/call-events";
import { db } from "@/lib/db";
import type { DialResultParams } from "@/lib/telephony/params/voice";
import { voicePrompts } from "@/lib/i18n/voice-prompts";
import { mapDialCallStatus } from "@/lib/telephony/statuses";
import { appendGoodbye, appendVoicemail, goodbyeFrom, newVoiceResponse, type VoiceResponse } from "@/lib/telephony/voice-twiml";
import type { WebhookInput } from "@/lib/telephony/webhook-route";

export type DialResult = WebhookInput<DialResultParams> & { now?: Date };

export async function handleDialResult({ params, salon, log, now = new Date() }: DialResult): Promise<VoiceResponse> {
  const response = newVoiceResponse();
  if (!salon) return appendGoodbye(response);
  const call = await db.callLog.findFirst({
    where: { salonId: salon.id, callSid: params.CallSid },
    select: { answeredAt: true, forwardedTo: true, language: true },
  });
  const language = call?.language === "es" ? "es" : "en";
  const taken = Boolean(call?.answeredAt);
  const result = mapDialCallStatus(params.DialCallStatus);
  const ended: CallEventDraft = {
    kind: "TRANSFER_ENDED",
    detail: {
      to: call?.forwardedTo ?? salon.forwardingPhone,
      result,
      ...(params.DialCallDuration !== undefined ? { seconds: params.DialCallDuration } : {}),
      accepted: taken,
    },
  };
  const why = result === "PICKED_UP" ? "not-taken" : "no-answer";
  const events: CallEventDraft[] = taken ? [ended] : [ended, { kind: "VOICEMAIL_STARTED", detail: { why } }];
  // Keyed by the dialled leg: a retry of this callback adds nothing.
  await recordCallEvents({ salonId: salon.id, callSid: params.CallSid, source: `dial:${params.DialCallSid ?? "-"}`, at: now, log }, events);

  if (!taken) {
    log.info({ dialCallStatus: params.DialCallStatus }, "nobody took the forwarded call");
    return appendVoicemail(response, voicePrompts(language).nobodyCouldAnswer, language);
  }
  return appendGoodbye(response, goodbyeFrom(salon.name, language), language);
}
