// Twilio's voicemail transcript arrives minutes after the call: store its text and status on the log,
// and note on the timeline that it is ready (or failed). A completed transcript with no words in it
// (silence, nothing Twilio could make out) stores no text, only its status: a call has a transcript
// exactly when its text is not null, the one rule its outcome is read by (lib/calls/call-outcome.ts).
import { enqueueAlert } from "@/lib/alerts/dispatch";
import { recordCallEvents } from "@/lib/calls/call-events";
import { cancelPendingMissedCallText } from "@/lib/calls/missed-call-text";
import { db } from "@/lib/db";
import { updateCallLogs } from "@/lib/calls/write-call-logs";
import { callOfAccount } from "@/lib/telephony/webhooks/call-of-account";
import type { TranscriptionParams } from "@/lib/telephony/params/voice";
import type { WebhookInput } from "@/lib/telephony/webhook-route";

type TranscriptionCallback = WebhookInput<TranscriptionParams> & { now?: Date };

export async function saveTranscription({ params, log, now = new Date() }: TranscriptionCallback): Promise<boolean> {
  const completed = params.TranscriptionStatus === "completed";
  const text = completed && params.TranscriptionText?.trim() ? params.TranscriptionText : null;
  const [call] = await updateCallLogs(db, {
    where: callOfAccount(params.CallSid, params.AccountSid),
    data: {
      transcriptionStatus: params.TranscriptionStatus ?? null,
      // A failed transcription records only its status.
      ...(completed ? { transcription: text } : {}),
    },
    select: { salonId: true, callSid: true, from: true, missedCallTextAt: true },
  });
  if (!call) {
    log.warn("transcription for an unknown call");
    return false;
  }
  // Twilio may report "in-progress" first; only the outcome belongs on the timeline.
  const kind = completed ? "TRANSCRIPT_READY" : params.TranscriptionStatus === "failed" ? "TRANSCRIPT_FAILED" : null;
  if (kind) await recordCallEvents({ salonId: call.salonId, callSid: call.callSid, source: `transcription:${params.RecordingSid ?? "-"}`, at: now, log }, [{ kind, detail: {} }]);
  // A transcript proves a message was left (the Calls page counts it as voicemail), even if the
  // recording's own callback is late or lost: the caller must not also get "sorry we missed you".
  // One with no words proves nothing; the recording's callback still calls the text off if it comes.
  if (text && call.missedCallTextAt) await cancelPendingMissedCallText(call, "The caller left a voicemail.");
  if (text) await enqueueAlert({ salonId: call.salonId, event: "VOICEMAIL", ref: call.callSid }, { attempt: "transcript" });
  return true;
}
