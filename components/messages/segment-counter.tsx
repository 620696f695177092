"use client";
// "72 characters · 1 segment (GSM-7)", counted the way carriers bill (lib/messaging/segments.ts), with
// a warning when a character forces UCS-2 and each segment shrinks from 160 to 70 characters.
import { TriangleAlertIcon } from "lucide-react";
import { countSegments, nonGsmCharacters } from "@/lib/messaging/segments";

export function describeSegments(text: string): string {
  const { characters, segments, encoding } = countSegments(text);
  const chars = `${characters} character${characters === 1 ? "" : "s"}`;
  if (segments === 0) return chars;
  return `${chars} · ${segments} segment${segments === 1 ? "" : "s"} (${encoding})`;
}

export function SegmentCounter({ text, id }: { text: string; id?: string }) {
  const { encoding } = countSegments(text);
  const offending = encoding === "UCS-2" ? nonGsmCharacters(text).slice(0, 5) : [];
  return (
    <div id={id} className="grid gap-1.5">
      <p
        aria-live="polite"
        aria-atomic="true"
        className="text-xs text-muted-foreground tabular-nums"
        data-testid="segment-count"
      >
        {describeSegments(text)}
      </p>
      {offending.length > 0 && (
        <p className="flex items-start gap-1.5 rounded-md bg-warning/10 px-2.5 py-1.5 text-xs">
          <TriangleAlertIcon className="mt-0.5 size-3.5 shrink-0 text-warning-foreground" aria-hidden />
          <span>
            {offending.map((c) => (
              <kbd key={c} className="mr-1 rounded border bg-card px-1 font-sans">
                {c}
              </kbd>
            ))}
            switch{offending.length === 1 ? "es" : ""} this text to UCS-2: each segment holds 70 characters
            instead of 160, so it may cost more. Plain quotes and no emoji keep it at GSM-7.
          </span>
        </p>
      )}
    </div>
  );
}
