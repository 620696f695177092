"use client";
// The simulator page's body: whose phone it is, then calling or texting the salon from it.
import { useState } from "react";
import { PhoneIcon, MessageSquareIcon } from "lucide-react";
import { CallPanel } from "@/components/simulator/call-panel";
import { CallerPicker, type PhoneOwner } from "@/components/simulator/caller-picker";
import { TextPanel } from "@/components/simulator/text-panel";
import { formatPhone } from "@/lib/phone";
import { cn } from "@/lib/utils";

type Mode = "call" | "text";

export function PhoneSimulator({ salonName, salonNumber, timeZone }: { salonName: string; salonNumber: string; timeZone: string }) {
  const [owner, setOwner] = useState<PhoneOwner | null>(null);
  const [mode, setMode] = useState<Mode>("call");
  return (
    <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
      <CallerPicker value={owner} onChange={setOwner} timeZone={timeZone} />
      <section aria-label="Phone" className="grid content-start gap-4 rounded-lg border bg-card p-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-muted-foreground">
            Your salon&apos;s number: <span className="tabular-nums">{formatPhone(salonNumber)}</span>
          </p>
          <div role="tablist" aria-label="Call or text" className="inline-flex rounded-md border p-0.5">
            {(["call", "text"] as const).map((m) => (
              <button
                key={m}
                type="button"
                role="tab"
                aria-selected={mode === m}
                onClick={() => setMode(m)}
                className={cn(
                  "inline-flex items-center gap-1.5 rounded px-3 py-1.5 text-sm font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/40",
                  mode === m ? "bg-primary text-primary-foreground" : "hover:bg-muted",
                )}
              >
                {m === "call" ? <PhoneIcon className="size-4" aria-hidden /> : <MessageSquareIcon className="size-4" aria-hidden />}
                {m === "call" ? "Call" : "Text"}
              </button>
            ))}
          </div>
        </div>
        {!owner ? (
          <p className="text-sm text-muted-foreground">Pick whose phone this is first.</p>
        ) : mode === "call" ? (
          <CallPanel key={owner.phone} phone={owner.phone} salonName={salonName} />
        ) : (
          <TextPanel key={owner.phone} phone={owner.phone} salonName={salonName} timeZone={timeZone} />
        )}
      </section>
    </div>
  );
}
