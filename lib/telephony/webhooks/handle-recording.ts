// A voicemail was recorded: Twilio tells us twice (the <Record> action and the recording status
// callback), in either order; both land on the call's log (and its timeline), idempotently on RecordingSid.
// Only a recording made by the voicemail's <Record> is one.
import { enqueueAlert, VOICEMAIL_TRANSCRIPT_WAIT_MS } from "@/lib/alerts/dispatch";
import { recordCallEvents } from "@/lib/calls/call-events";
import { db } from "@/lib/db";
import { updateCallLogs } from "@/lib/calls/write-call-logs";
import { cancelPendingMissedCallText } from "@/lib/calls/missed-call-text";
import { callOfAccount } from "@/lib/telephony/webhooks/call-of-account";
import type { RecordingParams } from "@/lib/telephony/params/voice";
import type { WebhookInput } from "@/lib/telephony/webhook-route";

type RecordingCallback = WebhookInput<RecordingParams> & { now?: Date };

export async function saveRecording({ params, log, now = new Date() }: RecordingCallback): Promise<boolean> {
  // Bolt's voicemail is its <Record> (RecordVerb; the action names no source). A recording of the
  // dialled call itself (DialVerb), or one started any other way, is not a message from the caller.
  if (params.RecordingSource && params.RecordingSource !== "RecordVerb") {
    log.info({ recordingSource: params.RecordingSource }, "recording is not a voicemail; not attached to the call");
    return false;
  }
  if (params.RecordingStatus && params.RecordingStatus !== "completed") {
    log.info({ recordingStatus: params.RecordingStatus }, "recording not completed; nothing to store");
    return false;
  }
  const [call] = await updateCallLogs(db, {
    // The first recording of a call is its voicemail; a repeat of the same SID rewrites the same values.
    where: { ...callOfAccount(params.CallSid, params.AccountSid), OR: [{ recordingSid: null }, { recordingSid: params.RecordingSid }] },
    data: {
      recordingSid: params.RecordingSid,
      recordingUrl: params.RecordingUrl,
      recordingDurationSeconds: params.RecordingDuration ?? null,
    },
    select: { salonId: true, from: true, callSid: true, missedCallTextAt: true },
  });
  if (!call) {
    log.warn("recording for an unknown call (or one already holding another recording)");
    return false;
  }
  // Both callbacks name the same recording, so the second adds nothing to the timeline.
  const event = { kind: "VOICEMAIL_LEFT", detail: { seconds: params.RecordingDuration ?? null } } as const;
  await recordCallEvents({ salonId: call.salonId, callSid: call.callSid, source: `recording:${params.RecordingSid}`, at: now, log }, [event]);
  if (call.missedCallTextAt) await cancelPendingMissedCallText(call, "The caller left a voicemail.");
  // The team's alert waits a little for the transcript, whose arrival sends it at once (handle-transcription.ts).
  await enqueueAlert(
    { salonId: call.salonId, event: "VOICEMAIL", ref: call.callSid },
    { attempt: "recording", startAfter: new Date(now.getTime() + VOICEMAIL_TRANSCRIPT_WAIT_MS) },
  );
  return true;
}
