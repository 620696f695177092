"use client";
// The list of reminder times ("24 hours before", "2 hours before"), with rows to add and remove.
import { useState } from "react";
import { PlusIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MAX_REMINDERS, MAX_REMINDER_HOURS } from "@/lib/validations/messaging-settings";

type Props = { defaultHours: number[]; errors?: string[]; disabled?: boolean; readOnly?: boolean };

export function ReminderOffsetsField({ defaultHours, errors, disabled, readOnly }: Props) {
  const [rows, setRows] = useState(() => defaultHours.map((h, key) => ({ key, value: String(h) })));
  const [nextKey, setNextKey] = useState(defaultHours.length);
  const error = errors?.[0];

  function add() {
    // A sensible next suggestion: a day before if there isn't one yet, else an hour before.
    const suggestion = rows.some((r) => r.value === "24") ? "1" : "24";
    setRows([...rows, { key: nextKey, value: suggestion }]);
    setNextKey(nextKey + 1);
  }

  return (
    <fieldset className="grid gap-3" aria-describedby={error ? "reminders-error" : "reminders-hint"}>
      <legend className="text-sm font-medium">Reminder times</legend>
      {rows.length === 0 && (
        <p className="text-sm text-muted-foreground">
          No reminders: customers get no automatic reminder texts.
        </p>
      )}
      <ul className="grid gap-2">
        {rows.map((row, i) => (
          <li key={row.key} className="flex items-center gap-2">
            <Label htmlFor={`reminder-${row.key}`} className="sr-only">
              Reminder {i + 1}: hours before the appointment
            </Label>
            <Input
              id={`reminder-${row.key}`}
              name="reminderOffsetHours"
              type="number"
              inputMode="decimal"
              min={0.25}
              max={MAX_REMINDER_HOURS}
              step={0.25}
              value={row.value}
              onChange={(e) =>
                setRows(rows.map((r) => (r.key === row.key ? { ...r, value: e.target.value } : r)))
              }
              aria-invalid={error ? true : undefined}
              className="w-28"
            />
            <span className="text-sm text-muted-foreground">hours before</span>
            {!readOnly && (
              <Button
                type="button"
                variant="ghost"
                size="icon"
                disabled={disabled}
                onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
                aria-label={`Remove reminder ${i + 1}`}
              >
                <XIcon aria-hidden />
              </Button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && rows.length < MAX_REMINDERS && (
        <Button type="button" variant="outline" size="sm" className="w-fit" onClick={add} disabled={disabled}>
          <PlusIcon aria-hidden />
          Add reminder
        </Button>
      )}
      {error ? (
        <p id="reminders-error" className="text-sm text-destructive">
          {error}
        </p>
      ) : (
        <p id="reminders-hint" className="text-xs text-muted-foreground">
          Up to {MAX_REMINDERS}. Applies to appointments booked or moved from now on; reminders already
          scheduled keep their time.
        </p>
      )}
    </fieldset>
  );
}
