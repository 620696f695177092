// The person who picked up the salon's phone answered the screening. 1: they take the call, which is
// noted on the caller's call log (answered by staff) and its timeline, and an empty answer connects
// them. Anything else: hang up, and the caller's Dial ends untaken (dial-result sends them to voicemail).
// Twilio's retries change nothing: the acceptance is written once, the event keyed by the dialled leg.
import { recordCallEvents } from "@/lib/calls/call-events";
import { cancelPendingMissedCallText } from "@/lib/calls/missed-call-text";
import { db } from "@/lib/db";
import { updateCallLogs } from "@/lib/calls/write-call-logs";
import { declineScreenedCall, newVoiceResponse, type VoiceResponse } from "@/lib/telephony/voice-twiml";
import { findScreenedCall, type ScreenRequest } from "@/lib/telephony/webhooks/handle-screen";

export async function handleScreenResult({ params, log, now = new Date() }: ScreenRequest): Promise<VoiceResponse> {
  const call = await findScreenedCall(params);
  if (!call || params.Digits !== "1") {
    log.info({ found: Boolean(call), digits: params.Digits }, "forwarded call not taken");
    return declineScreenedCall();
  }
  // To is the number Twilio actually rang, even if the salon's setting has changed since.
  const to = params.To || call.salon.forwardingPhone || "";
  const [taken] = await updateCallLogs(db, {
    where: { salonId: call.salonId, id: call.id, answeredAt: null },
    // The reason is already TRANSFER, noted (by rank) when the caller asked to be put through.
    data: { answeredAt: now, forwardedTo: to },
    select: { salonId: true, from: true, callSid: true, missedCallTextAt: true },
  });
  // The caller's hang-up, reported at the same moment, may have scheduled a missed-call text.
  if (taken?.missedCallTextAt) await cancelPendingMissedCallText(taken, "Staff answered the call.");
  await recordCallEvents(
    { salonId: call.salonId, callSid: call.callSid, source: `screen:${params.CallSid}`, at: now, log },
    [{ kind: "TRANSFER_ACCEPTED", detail: { to } }],
  );
  log.info({ parentCallSid: call.callSid }, "staff took the forwarded call");
  return newVoiceResponse();
}
