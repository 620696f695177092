"use client";
// The weekly hours editor: per day, an Open checkbox and one or more open–close periods (a lunch
// break is two). Plain named inputs, so the form posts without JavaScript too; the line underneath
// says the week the way callers will hear it.
import { useState } from "react";
import { CircleAlertIcon, PlusIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import {
  businessHoursSchema,
  closingTimeForInput,
  closingTimeFromInput,
  speakWeeklyHours,
  type BusinessHours,
  type DayKey,
} from "@/lib/salons/business-hours";
import { hoursFieldName, MAX_FORM_PERIODS } from "@/lib/validations/phone-settings";
import { cn } from "@/lib/utils";

// Salons read a week Monday first.
const WEEK: Array<{ key: DayKey; name: string }> = [
  { key: "mon", name: "Monday" },
  { key: "tue", name: "Tuesday" },
  { key: "wed", name: "Wednesday" },
  { key: "thu", name: "Thursday" },
  { key: "fri", name: "Friday" },
  { key: "sat", name: "Saturday" },
  { key: "sun", name: "Sunday" },
];
const NEW_PERIOD = { open: "09:00", close: "17:00" };

type Period = { open: string; close: string };
type DayState = { open: boolean; periods: Period[] };
type Week = Record<DayKey, DayState>;

function toWeek(hours: BusinessHours): Week {
  const week = {} as Week;
  for (const { key } of WEEK) {
    const periods = hours[key].slice(0, MAX_FORM_PERIODS);
    const shown = periods.map((p) => ({ ...p, close: closingTimeForInput(p.close) }));
    week[key] = { open: periods.length > 0, periods: shown.length ? shown : [NEW_PERIOD] };
  }
  return week;
}

function hoursOf(week: Week): BusinessHours | null {
  // Blank extra rows are ignored on save too (lib/validations/phone-settings.ts).
  const used = (d: DayState) =>
    d.open ? d.periods.filter((p) => p.open || p.close).map((p) => ({ ...p, close: closingTimeFromInput(p.close) })) : [];
  const hours = Object.fromEntries(WEEK.map(({ key }) => [key, used(week[key])]));
  const parsed = businessHoursSchema.safeParse(hours);
  return parsed.success ? parsed.data : null;
}

/** The line under the week: what callers will hear, or a day's problem. */
export type HoursNote = { text: string; problem: boolean };

type Props = {
  defaultHours: BusinessHours;
  /** Field errors from the action, keyed like "businessHours.mon.0.close". */
  errors?: Record<string, string[]>;
  disabled?: boolean;
  timeZoneLabel: string;
  /** The form's field for these hours, as its errors name it (the Staff form's is "workingHours"). */
  field?: string;
  /** The line under the week for the hours as they stand (valid) or null (some time isn't). */
  note?: (hours: BusinessHours | null) => HoursNote;
};

export function PhoneHoursEditor({ defaultHours, errors, disabled = false, timeZoneLabel, field = "businessHours", note }: Props) {
  const [week, setWeek] = useState(() => toWeek(defaultHours));
  const hours = hoursOf(week);
  const line: HoursNote = note
    ? note(hours)
    : hours
      ? { text: `Callers hear: “${speakWeeklyHours(hours)}” Times are ${timeZoneLabel}.`, problem: false }
      : { text: "Some times aren't valid yet: each period needs an opening time before its closing time.", problem: true };

  function update(day: DayKey, change: (d: DayState) => DayState) {
    setWeek((w) => ({ ...w, [day]: change(w[day]) }));
  }
  function setTime(day: DayKey, index: number, edge: keyof Period, value: string) {
    update(day, (d) => ({
      ...d,
      periods: d.periods.map((p, i) => (i === index ? { ...p, [edge]: value } : p)),
    }));
  }

  return (
    <div className="grid gap-4">
      <ul className="grid divide-y rounded-lg border" aria-label="Opening hours by day">
        {WEEK.map(({ key, name }) => {
          const day = week[key];
          const dayErrors = Object.entries(errors ?? {}).filter(
            ([name]) => name === `${field}.${key}` || name.startsWith(`${field}.${key}.`),
          );
          const message = dayErrors[0]?.[1][0];
          const errorId = `hours-${key}-error`;
          // An error may name one time, a whole period (overlaps) or the day; each marks the times it covers.
          const invalid = (i: number, edge: keyof Period) =>
            [`${field}.${key}`, `${field}.${key}.${i}`, `${field}.${key}.${i}.${edge}`].some((name) => Boolean(errors?.[name]));
          const timeProps = (i: number, edge: keyof Period) => ({
            id: `hours-${key}-${i}-${edge}`,
            "aria-invalid": invalid(i, edge) || undefined,
            // The day's message is read with each of its times, so it is heard wherever focus lands.
            "aria-describedby": message ? errorId : undefined,
          });
          return (
            <li
              key={key}
              data-day={key}
              className="grid gap-3 px-3 py-3 sm:grid-cols-[9rem_1fr] sm:items-start sm:px-4"
            >
              <label className="flex h-9 items-center gap-2.5 text-sm font-medium">
                <input
                  type="checkbox"
                  name={hoursFieldName.open(key)}
                  checked={day.open}
                  onChange={(e) => update(key, (d) => ({ ...d, open: e.target.checked }))}
                  disabled={disabled}
                  aria-label={`Open on ${name}`}
                  className="size-4 shrink-0 rounded border-input accent-primary"
                />
                {name}
              </label>
              {day.open ? (
                <div className="grid gap-2">
                  {day.periods.map((period, i) => (
                    <div key={i} className="flex flex-wrap items-center gap-2">
                      <Input
                        type="time"
                        name={hoursFieldName.time(key, i, "open")}
                        value={period.open}
                        onChange={(e) => setTime(key, i, "open", e.target.value)}
                        aria-label={`${name} opens${i ? ` (period ${i + 1})` : ""}`}
                        {...timeProps(i, "open")}
                        disabled={disabled}
                        required
                        className="w-32"
                      />
                      <span className="text-sm text-muted-foreground">to</span>
                      <Input
                        type="time"
                        name={hoursFieldName.time(key, i, "close")}
                        value={period.close}
                        onChange={(e) => setTime(key, i, "close", e.target.value)}
                        aria-label={`${name} closes${i ? ` (period ${i + 1})` : ""}`}
                        {...timeProps(i, "close")}
                        disabled={disabled}
                        required
                        className="w-32"
                      />
                      {day.periods.length > 1 && !disabled && (
                        <Button
                          type="button"
                          variant="ghost"
                          size="icon"
                          onClick={() =>
                            update(key, (d) => ({ ...d, periods: d.periods.filter((_, j) => j !== i) }))
                          }
                          aria-label={`Remove ${name} period ${i + 1}`}
                        >
                          <XIcon aria-hidden />
                        </Button>
                      )}
                    </div>
                  ))}
                  {day.periods.length < MAX_FORM_PERIODS && !disabled && (
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      className="-ml-2 w-fit text-muted-foreground"
                      onClick={() =>
                        update(key, (d) => ({ ...d, periods: [...d.periods, { open: "", close: "" }] }))
                      }
                    >
                      <PlusIcon aria-hidden />
                      Add hours (e.g. after a break)
                    </Button>
                  )}
                </div>
              ) : (
                <p className="flex h-9 items-center text-sm text-muted-foreground">Closed</p>
              )}
              {message && (
                <p id={errorId} className="flex items-center gap-1.5 text-sm text-destructive sm:col-start-2">
                  <CircleAlertIcon className="size-3.5 shrink-0" aria-hidden />
                  {message}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <p className={cn("text-sm", line.problem ? "text-destructive" : "text-muted-foreground")} aria-live="polite">
        {line.text}
      </p>
    </div>
  );
}
