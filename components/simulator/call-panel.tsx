"use client";
// The simulator's call: ring the salon, then act where Bolt's TwiML waits (words, keys, silence; the
// salon's phone answering or not; a typed voicemail; hanging up). Every request and Bolt's TwiML answer
// is in the "For developers" panel.
import { useState, useTransition } from "react";
import { Loader2Icon, PhoneCallIcon, PhoneOffIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CallControls } from "@/components/simulator/call-controls";
import { TwimlPanel } from "@/components/simulator/twiml-panel";
import { formatPhone } from "@/lib/phone";
import { continueSimulatedCallAction, startSimulatedCallAction } from "@/lib/simulator/actions";
import type { CallerAction, CallLine, CallState, CallStep, Exchange, Waiting } from "@/lib/simulator/call-types";
import { cn } from "@/lib/utils";

const SPEAKER: Record<CallLine["speaker"], string> = { bolt: "Bolt", caller: "You", staff: "Salon phone hears", note: "" };

export function CallPanel({ phone, salonName }: { phone: string; salonName: string }) {
  const [lines, setLines] = useState<CallLine[]>([]);
  const [exchanges, setExchanges] = useState<Exchange[]>([]);
  const [state, setState] = useState<CallState | null>(null);
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const apply = (step: CallStep) => {
    setLines((l) => [...l, ...step.lines]);
    setExchanges((e) => [...e, ...step.exchanges]);
    setState(step.state);
    setWaiting(step.waiting);
  };

  const ring = () =>
    startTransition(async () => {
      setError(null);
      setLines([]);
      setExchanges([]);
      const form = new FormData();
      form.set("from", phone);
      const result = await startSimulatedCallAction(null, form);
      if (result?.ok) apply(result.data as CallStep);
      else setError(result?.error ?? "The call didn't go through.");
    });

  const act = (action: CallerAction) =>
    startTransition(async () => {
      if (!state) return;
      setError(null);
      const form = new FormData();
      form.set("state", JSON.stringify(state));
      form.set("action", JSON.stringify(action));
      const result = await continueSimulatedCallAction(null, form);
      if (result?.ok) apply(result.data as CallStep);
      else setError(result?.error ?? "That didn't reach Bolt. Try again.");
    });

  const inCall = state !== null;
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center gap-2">
        {!inCall ? (
          <Button type="button" onClick={ring} disabled={pending}>
            {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <PhoneCallIcon aria-hidden />}
            Call {salonName}
          </Button>
        ) : (
          <Button type="button" variant="destructive" onClick={() => act({ kind: "hangup" })} disabled={pending}>
            <PhoneOffIcon aria-hidden />
            Hang up
          </Button>
        )}
        <span className="text-sm text-muted-foreground">
          from <span className="tabular-nums">{formatPhone(phone)}</span>
          {pending && " · waiting for Bolt…"}
        </span>
      </div>
      <div aria-live="polite">{error && <p className="text-sm text-destructive">{error}</p>}</div>
      {lines.length > 0 && (
        <ol aria-label="Call transcript" aria-live="polite" className="grid max-h-[28rem] gap-2 overflow-y-auto rounded-lg border bg-muted/30 p-3 text-sm" tabIndex={0}>
          {lines.map((line, i) => (
            <li
              key={i}
              data-speaker={line.speaker}
              className={cn(
                line.speaker === "note" && "text-xs text-muted-foreground italic",
                line.speaker === "caller" && "justify-self-end rounded-lg bg-primary px-3 py-1.5 text-primary-foreground",
                (line.speaker === "bolt" || line.speaker === "staff") && "justify-self-start rounded-lg border bg-card px-3 py-1.5",
              )}
            >
              {SPEAKER[line.speaker] && <span className="block text-xs font-semibold opacity-80">{SPEAKER[line.speaker]}</span>}
              {line.text}
            </li>
          ))}
        </ol>
      )}
      {inCall && waiting && <CallControls waiting={waiting} pending={pending} onAct={act} />}
      {exchanges.length > 0 && <TwimlPanel exchanges={exchanges} />}
    </div>
  );
}
