"use client";
// Who the simulated phone belongs to: a customer found by name (before anything is typed, those with a
// booking coming up), or any number typed in. Numbers are shown as people write them.
import { useEffect, useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { formatDateTime } from "@/lib/format";
import { formatPhone, normalizePhone } from "@/lib/phone";
import { findCallersAction } from "@/lib/simulator/actions";
import type { SimulatorCaller } from "@/lib/simulator/callers";
import { cn } from "@/lib/utils";

export type PhoneOwner = { phone: string; name: string | null };

export function CallerPicker({ value, onChange, timeZone }: { value: PhoneOwner | null; onChange: (owner: PhoneOwner | null) => void; timeZone: string }) {
  const [q, setQ] = useState("");
  const [typed, setTyped] = useState("");
  const [callers, setCallers] = useState<SimulatorCaller[]>([]);
  const [, startTransition] = useTransition();
  const listId = useId();

  useEffect(() => {
    const timer = setTimeout(() => {
      startTransition(async () => {
        const form = new FormData();
        form.set("q", q);
        const result = await findCallersAction(null, form);
        if (result?.ok) setCallers((result.data as { callers: SimulatorCaller[] }).callers);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);

  const typedPhone = normalizePhone(typed);
  return (
    <section aria-labelledby={`${listId}-title`} className="grid content-start gap-3 self-start rounded-lg border bg-card p-4">
      <h2 id={`${listId}-title`} className="text-base font-semibold">
        Whose phone is it?
      </h2>
      <p className="text-sm" aria-live="polite" data-testid="phone-owner">
        {value ? (
          <>
            Playing <strong>{value.name ?? "a new caller"}</strong> at <span className="tabular-nums">{formatPhone(value.phone)}</span>
          </>
        ) : (
          "Pick a customer or type a number."
        )}
      </p>
      <div className="grid gap-1.5">
        <Label htmlFor={`${listId}-q`}>Find a customer</Label>
        <Input id={`${listId}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name or number" autoComplete="off" />
      </div>
      <ul aria-label={q ? "Customers found" : "Customers with a booking coming up"} className="grid max-h-64 gap-1 overflow-y-auto" tabIndex={0}>
        {callers.map((c) => (
          <li key={c.customerId}>
            <button
              type="button"
              onClick={() => onChange({ phone: c.phone, name: c.name })}
              aria-pressed={value?.phone === c.phone}
              data-name={c.name ?? undefined}
              data-next-visit={c.nextAppointmentAt ?? undefined}
              className={cn(
                "grid w-full gap-0.5 rounded-md px-3 py-2 text-left text-sm outline-none hover:bg-muted focus-visible:ring-[3px] focus-visible:ring-ring/40",
                value?.phone === c.phone && "bg-muted",
              )}
            >
              <span className="font-medium">{c.name ?? formatPhone(c.phone)}</span>
              <span className="text-muted-foreground tabular-nums">
                {formatPhone(c.phone)}
                {c.nextAppointmentAt && ` · next visit ${formatDateTime(new Date(c.nextAppointmentAt), timeZone, "short")}`}
              </span>
            </button>
          </li>
        ))}
        {callers.length === 0 && <li className="px-3 py-2 text-sm text-muted-foreground">No customers match.</li>}
      </ul>
      <form
        className="grid gap-1.5"
        onSubmit={(e) => {
          e.preventDefault();
          if (typedPhone) onChange({ phone: typedPhone, name: null });
        }}
      >
        <Label htmlFor={`${listId}-typed`}>Or use a number</Label>
        <div className="flex gap-2">
          <Input id={`${listId}-typed`} type="tel" inputMode="tel" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="(415) 555-0123" aria-invalid={typed !== "" && !typedPhone} />
          <Button type="submit" variant="outline" disabled={!typedPhone}>
            Use
          </Button>
        </div>
      </form>
    </section>
  );
}
