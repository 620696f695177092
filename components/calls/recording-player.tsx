"use client";
// The voicemail player. The audio comes from Bolt's recording route, which fetches it from Twilio
// with the account's credentials (the browser never sees Twilio's URL); if the browser still can't
// play it, staff get a plain message and a retry instead of a silent player.
import { useEffect, useRef, useState } from "react";
import { DownloadIcon, RotateCwIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** `src`: Bolt's relay for the call's recording (getCallLog's `recording.url`). */
type Props = { src: string; durationLabel: string | null };

export function RecordingPlayer({ src, durationLabel }: Props) {
  const [failed, setFailed] = useState(false);
  // A new key mounts a fresh <audio>, so "Try again" really asks the server again.
  const [attempt, setAttempt] = useState(0);
  const audio = useRef<HTMLAudioElement>(null);

  // After "Try again" the button is gone: keep focus on the player (not <body>) and start playing,
  // which is what the retry was for. A failure lands in onError again.
  useEffect(() => {
    if (attempt === 0 || !audio.current) return;
    audio.current.focus();
    audio.current.play().catch(() => undefined);
  }, [attempt]);

  return (
    <div className="grid gap-1.5">
      {failed ? (
        <Notice tone="warning" title="The recording couldn't be played.">
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            Twilio may be slow to answer; try again in a minute.
            <Button
              type="button"
              variant="outline"
              size="sm"
              onClick={() => {
                setFailed(false);
                setAttempt((n) => n + 1);
              }}
            >
              <RotateCwIcon aria-hidden />
              Try again
            </Button>
          </span>
        </Notice>
      ) : (
        <audio
          key={attempt}
          ref={audio}
          controls
          preload="none"
          src={src}
          className="w-full"
          aria-label="Voicemail recording"
          onError={() => setFailed(true)}
        />
      )}
      <p className="flex flex-wrap items-center gap-x-3 text-xs text-muted-foreground">
        {durationLabel && <span>{durationLabel} long</span>}
        {/* Hidden while playback fails: the download would fail the same way and save an error page. */}
        {!failed && (
          <a
            href={`${src}?download=1`}
            download
            className="inline-flex items-center gap-1 text-primary underline-offset-4 hover:underline"
          >
            <DownloadIcon className="size-3" aria-hidden />
            Download the recording
          </a>
        )}
      </p>
    </div>
  );
}
