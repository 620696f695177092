"use client";
// The simulator's texting: a phone-like thread with the salon. The customer's texts go through the
// Twilio sandbox to Bolt's webhook; Bolt's replies and later texts (confirmations, reminders, text-backs)
// are what Twilio holds for this phone, with their delivery state. The page is the phone: it looks again
// every 2 seconds while it is visible.
import { useCallback, useEffect, useState, useTransition } from "react";
import { Loader2Icon, SendIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { STATUS_LABELS } from "@/components/notifications/labels";
import { formatTime } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import { readThreadAction, textSalonAction } from "@/lib/simulator/actions";
import type { ThreadText } from "@/lib/simulator/text-thread";
import { cn } from "@/lib/utils";

const POLL_MS = 2_000;

export function TextPanel({ phone, salonName, timeZone }: { phone: string; salonName: string; timeZone: string }) {
  const [thread, setThread] = useState<ThreadText[]>([]);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const refresh = useCallback(async () => {
    const form = new FormData();
    form.set("phone", phone);
    const result = await readThreadAction(null, form);
    if (result?.ok) setThread((result.data as { thread: ThreadText[] }).thread);
  }, [phone]);

  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, POLL_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [refresh]);

  const send = () =>
    startTransition(async () => {
      setError(null);
      const form = new FormData();
      form.set("from", phone);
      form.set("body", body);
      const result = await textSalonAction(null, form);
      if (result?.ok) {
        setBody("");
        setThread((result.data as { thread: ThreadText[] }).thread);
      } else setError(result?.error ?? "The text didn't go through.");
    });

  return (
    <section aria-label={`Texts with ${salonName}`} className="mx-auto grid w-full max-w-md gap-0 overflow-hidden rounded-2xl border bg-card">
      <header className="border-b bg-muted/40 px-4 py-2 text-center text-sm font-medium">
        {salonName}
        <span className="block text-xs font-normal text-muted-foreground">texting from {formatPhone(phone)}</span>
      </header>
      <ol aria-label="Text thread" aria-live="polite" className="grid max-h-[26rem] min-h-40 content-start gap-2 overflow-y-auto p-3" tabIndex={0}>
        {thread.length === 0 && <li className="text-center text-sm text-muted-foreground">No texts with the salon yet.</li>}
        {thread.map((t) => (
          <li
            key={t.sid}
            data-direction={t.direction}
            data-status={t.status ?? "RECEIVED"}
            className={cn("grid max-w-[85%] gap-0.5", t.direction === "in" ? "justify-self-end text-right" : "justify-self-start")}
          >
            <span className={cn("rounded-2xl px-3 py-2 text-sm whitespace-pre-wrap text-left", t.direction === "in" ? "bg-primary text-primary-foreground" : "bg-muted")}>
              <span className="sr-only">{t.direction === "in" ? "You: " : `${salonName}: `}</span>
              {t.body}
            </span>
            <span className="text-xs text-muted-foreground">
              {formatTime(new Date(t.at), timeZone)} · <span data-testid="text-status">{t.status ? STATUS_LABELS[t.status] : "Sent"}</span>
            </span>
          </li>
        ))}
      </ol>
      <form
        className="flex items-end gap-2 border-t p-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim()) send();
        }}
      >
        <div className="grid flex-1 gap-1">
          <Label htmlFor="sim-text" className="sr-only">
            Text message
          </Label>
          <Input id="sim-text" value={body} onChange={(e) => setBody(e.target.value)} maxLength={1600} placeholder="Text message" autoComplete="off" />
        </div>
        <Button type="submit" disabled={pending || !body.trim()} aria-label="Send text">
          {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <SendIcon aria-hidden />}
        </Button>
      </form>
      <div aria-live="polite" className="px-3 pb-2">{error && <p className="text-sm text-destructive">{error}</p>}</div>
    </section>
  );
}
