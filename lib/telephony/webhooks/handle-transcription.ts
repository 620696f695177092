// Twilio's voicemail transcript arrives minutes after the call: store its text and status on the log.
import { db } from "@/lib/db";
import type { Logger } from "@/lib/logger";
import { callOfAccount } from "@/lib/telephony/webhooks/handle-recording";
import type { TranscriptionParams } from "@/lib/validations/calls";

export async function saveTranscription({ params, accountSid, log }: { params: TranscriptionParams; accountSid?: string; log: Logger }): Promise<boolean> {
  const completed = params.TranscriptionStatus === "completed";
  const { count } = await db.callLog.updateMany({
    where: callOfAccount(params.CallSid, accountSid),
    data: {
      transcriptionStatus: params.TranscriptionStatus ?? null,
      // A failed transcription records only its status.
      ...(completed ? { transcription: params.TranscriptionText ?? "" } : {}),
    },
  });
  if (count === 0) log.warn("transcription for an unknown call");
  return count > 0;
}
