// A call's voicemail: the recording (played through Bolt, see recording-player.tsx) and the
// transcript, or a plain word on why either is missing.
import { RecordingPlayer } from "@/components/calls/recording-player";
import type { CallLogDetail } from "@/lib/calls/get-call-log";
import { formatDuration } from "@/lib/format";

type Props = {
  recording: CallLogDetail["recording"];
  transcription: string | null;
  transcriptionStatus: string | null;
};

function transcriptNote(status: string | null): string {
  if (status === "failed") return "This voicemail couldn't be transcribed — play the recording instead.";
  return "The transcript usually arrives a minute or two after the call.";
}

export function CallVoicemail({ recording, transcription, transcriptionStatus }: Props) {
  return (
    <div className="grid gap-4">
      {recording ? (
        <RecordingPlayer
          src={recording.url}
          durationLabel={recording.durationSeconds !== null ? formatDuration(recording.durationSeconds) : null}
        />
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
