// A call's voicemail: the recording (Twilio serves it as MP3 when ".mp3" is added to its URL) and the
// transcript, or a plain word on why either is missing.
import { formatDuration } from "@/lib/format";

type Props = {
  recordingUrl: string | null;
  recordingDurationSeconds: number | null;
  transcription: string | null;
  transcriptionStatus: string | null;
};

function transcriptNote(status: string | null): string {
  if (status === "failed") return "This voicemail couldn't be transcribed — play the recording instead.";
  return "The transcript usually arrives a minute or two after the call.";
}

export function CallVoicemail({
  recordingUrl,
  recordingDurationSeconds,
  transcription,
  transcriptionStatus,
}: Props) {
  return (
    <div className="grid gap-4">
      {recordingUrl ? (
        <div className="grid gap-1.5">
          <audio
            controls
            preload="none"
            src={`${recordingUrl}.mp3`}
            className="w-full"
            aria-label="Voicemail recording"
          >
            <a href={`${recordingUrl}.mp3`}>Download the recording</a>
          </audio>
          {recordingDurationSeconds !== null && (
            <p className="text-xs text-muted-foreground">{formatDuration(recordingDurationSeconds)} long</p>
          )}
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">The recording isn&apos;t available yet.</p>
      )}
      <div className="grid gap-1.5">
        <h3 className="text-sm font-medium">Transcript</h3>
        {transcription ? (
          <blockquote className="border-l-2 pl-3 text-sm whitespace-pre-wrap">{transcription}</blockquote>
        ) : (
          <p className="text-sm text-muted-foreground">{transcriptNote(transcriptionStatus)}</p>
        )}
      </div>
    </div>
  );
}
