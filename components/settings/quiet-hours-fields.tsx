"use client";
// The quiet-hours switch and its two times, shared by Settings → Messaging (the salon's) and Settings →
// Alerts (a member's own). Posts quietHoursEnabled, quietHoursStart and quietHoursEnd; the times are
// disabled (and so not posted) while the switch is off.
import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

type QuietHoursFieldsProps = {
  label: string;
  /** A second line under the switch's label. */
  note?: string;
  /** The stored window; null: off, showing `fallback` as the times to start from. */
  value: { start: string; end: string } | null;
  fallback: { start: string; end: string };
  errors?: Record<string, string[] | undefined>;
};

export function QuietHoursFields({ label, note, value, fallback, errors }: QuietHoursFieldsProps) {
  const [enabled, setEnabled] = useState(value !== null);
  const times = value ?? fallback;
  return (
    <>
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          name="quietHoursEnabled"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
          className="mt-0.5 size-4 shrink-0 rounded border-input accent-primary disabled:opacity-50"
        />
        <span className="grid gap-0.5">
          <span className="font-medium">{label}</span>
          {note && <span className="text-muted-foreground">{note}</span>}
        </span>
      </label>
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField label="Quiet from" name="quietHoursStart" errors={errors?.quietHoursStart}>
          {(f) => <Input {...f} type="time" defaultValue={times.start} disabled={!enabled} required />}
        </FormField>
        <FormField label="Until" name="quietHoursEnd" hint="The next morning when earlier than the start." errors={errors?.quietHoursEnd}>
          {(f) => <Input {...f} type="time" defaultValue={times.end} disabled={!enabled} required />}
        </FormField>
      </div>
    </>
  );
}
