"use client";
// "Call your number now" (sandbox only): places a simulated call through Bolt's real voice webhooks
// and shows, line by line, what a caller hears.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Loader2Icon, PhoneOutgoingIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useFinishSetup } from "@/components/onboarding/checklist-hold";
import { placeTestCallAction } from "@/lib/simulator/actions";
import type { HeardLine } from "@/lib/simulator/place-test-call";

export function TestCallButton({ finishLabel }: { /** Shown after the call: re-reads the page, and closes the dashboard's held checklist once it is complete. */ finishLabel?: string }) {
  const router = useRouter();
  const finishSetup = useFinishSetup();
  const [pending, startTransition] = useTransition();
  const [lines, setLines] = useState<HeardLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const call = () =>
    startTransition(async () => {
      setError(null);
      const result = await placeTestCallAction(null, new FormData());
      if (result?.ok) setLines((result.data as { lines: HeardLine[] }).lines);
      else setError(result?.error ?? "The test call didn't go through. Try again.");
    });

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" size="sm" onClick={call} disabled={pending}>
          {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <PhoneOutgoingIcon aria-hidden />}
          {pending ? "Calling…" : lines ? "Call again" : "Call your number now"}
        </Button>
        {lines && finishLabel && (
          <Button type="button" size="sm" variant="outline" onClick={() => {
              finishSetup?.();
              router.refresh();
            }}>
            {finishLabel}
          </Button>
        )}
      </div>
      <div aria-live="polite" className="grid gap-2">
        {error && <p className="text-sm text-destructive">{error}</p>}
        {lines && (
          <figure className="grid gap-2 rounded-lg border bg-muted/40 p-3 text-sm">
            <figcaption className="font-medium">What a caller hears</figcaption>
            <ol className="grid gap-1.5" aria-label="Test call transcript">
              {lines.map((line, i) => (
                <li key={i} className={line.speaker === "caller" ? "text-muted-foreground italic" : undefined}>
                  <span className="font-medium not-italic">{line.speaker === "bolt" ? "Bolt: " : "Caller: "}</span>
                  {line.text}
                </li>
              ))}
            </ol>
          </figure>
        )}
      </div>
    </div>
  );
}
