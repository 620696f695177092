"use client";
// Settings → Phone & hours: closures and holiday hours. A list of the days coming up (closed, or their
// own hours, with a label), a remove button each, and a form to add one. Saving a date that already has
// an entry replaces it. Plain named inputs, so the forms post without JavaScript too.
import { useState } from "react";
import { CalendarOffIcon, CircleAlertIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { formatTimeOfDay } from "@/lib/salons/business-hours";
import { dateName } from "@/lib/salons/business-hours-wording";
import { deleteSpecialDayAction, saveSpecialDayAction } from "@/lib/salons/special-days-actions";
import { type SpecialDay } from "@/lib/salons/special-days";
import { parseLocalDateKey } from "@/lib/time/zoned";
import { MAX_FORM_PERIODS } from "@/lib/validations/special-days";

export type SpecialDayItem = SpecialDay & { id: string };

type Props = {
  days: SpecialDayItem[];
  /** The salon's today, "YYYY-MM-DD": the earliest date the picker offers. */
  today: string;
  timeZoneLabel: string;
  readOnly?: boolean;
};

function describeDate(key: string, today: string): string {
  const name = dateName(parseLocalDateKey(key), "en");
  return key.slice(0, 4) === today.slice(0, 4) ? name : `${name}, ${key.slice(0, 4)}`;
}

function describeHours(day: SpecialDay): string {
  if (day.periods.length === 0) return "Closed all day";
  return `Open ${day.periods.map((p) => `${formatTimeOfDay(p.open)}–${formatTimeOfDay(p.close)}`).join(", ")}`;
}

function RemoveButton({ day, today }: { day: SpecialDayItem; today: string }) {
  const { formAction, pending, onSubmit } = useActionForm(deleteSpecialDayAction);
  return (
    <form action={formAction} onSubmit={onSubmit}>
      <input type="hidden" name="id" value={day.id} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-label={`Remove ${describeDate(day.date, today)}`}>
        <Trash2Icon aria-hidden />
        <span className="sr-only sm:not-sr-only">Remove</span>
      </Button>
    </form>
  );
}

/** The form's fields; remounted (cleared) by the parent after a save while the action state, and its toast, stay. */
function AddSpecialDayForm({ today, timeZoneLabel, resetKey }: { today: string; timeZoneLabel: string; resetKey: string }) {
  const { state, formAction, pending, onSubmit, fieldErrors } = useActionForm(saveSpecialDayAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="grid gap-4 rounded-lg border p-3 sm:p-4" aria-label="Add a closure or holiday hours">
      <SpecialDayFields key={resetKey} today={today} timeZoneLabel={timeZoneLabel} state={state} fieldErrors={fieldErrors} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save day"}
        </Button>
      </div>
    </form>
  );
}

function SpecialDayFields({
  today,
  timeZoneLabel,
  state,
  fieldErrors,
}: {
  today: string;
  timeZoneLabel: string;
  state: ReturnType<typeof useActionForm>["state"];
  fieldErrors: Record<string, string[]> | undefined;
}) {
  const [kind, setKind] = useState<"closed" | "hours">("closed");
  const [periodCount, setPeriodCount] = useState(1);
  const periodErrors = Object.entries(fieldErrors ?? {})
    .filter(([key]) => key.startsWith("periods"))
    .flatMap(([, messages]) => messages);
  // A past date is refused by the save itself (the salon's today), not by the form's fields.
  const formError = state && !state.ok && !fieldErrors ? state.error : undefined;

  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Date" name="date" errors={fieldErrors?.date ?? (formError ? [formError] : undefined)} hint={`In your salon's time zone (${timeZoneLabel}).`}>
          {(f) => <Input {...f} type="date" min={today} required className="w-full sm:w-48" />}
        </FormField>
        <FormField label="Label (optional)" name="label" errors={fieldErrors?.label} hint="Callers hear it: “We're closed on Thursday, December 24 for Christmas Eve.”">
          {(f) => <Input {...f} maxLength={60} placeholder="Christmas Eve" />}
        </FormField>
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">That day</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {(["closed", "hours"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} className="size-4 accent-primary" />
              {value === "closed" ? "Closed all day" : "Open different hours"}
            </label>
          ))}
        </div>
        {kind === "hours" && (
          <div className="grid gap-2 pt-1">
            {Array.from({ length: periodCount }, (_, i) => (
              <div key={i} className="flex flex-wrap items-center gap-2">
                <Input type="time" name={`open${i}`} defaultValue={i === 0 ? "09:00" : ""} aria-label={`Opens (period ${i + 1})`} className="w-32" />
                <span className="text-sm text-muted-foreground">to</span>
                <Input type="time" name={`close${i}`} defaultValue={i === 0 ? "13:00" : ""} aria-label={`Closes (period ${i + 1})`} className="w-32" />
              </div>
            ))}
            {periodCount < MAX_FORM_PERIODS && (
              <Button type="button" variant="ghost" size="sm" className="-ml-2 w-fit text-muted-foreground" onClick={() => setPeriodCount((n) => n + 1)}>
                <PlusIcon aria-hidden /> Add a second period
              </Button>
            )}
          </div>
        )}
        {periodErrors[0] && (
          <p className="flex items-center gap-1.5 text-sm text-destructive" role="alert">
            <CircleAlertIcon className="size-3.5 shrink-0" aria-hidden />
            {periodErrors[0]}
          </p>
        )}
      </fieldset>
    </>
  );
}

export function SpecialDaysCard({ days, today, timeZoneLabel, readOnly = false }: Props) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Closures and holiday hours</CardTitle>
        <CardDescription>
          Days you&apos;re closed or open different hours. They replace that day&apos;s weekly hours: Bolt tells callers, doesn&apos;t
          put calls through, and the book offers no times outside them.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {days.length === 0 ? (
          <EmptyState icon={CalendarOffIcon} title="No closures or holiday hours coming up" description="Add a holiday, a training day or a short day below." className="py-6" />
        ) : (
          <ul className="grid divide-y rounded-lg border" aria-label="Closures and holiday hours">
            {days.map((day) => (
              <li key={day.id} className="flex items-center justify-between gap-3 px-3 py-2.5 sm:px-4">
                <div className="grid min-w-0 gap-0.5">
                  <p className="text-sm font-medium">{describeDate(day.date, today)}</p>
                  <p className="truncate text-sm text-muted-foreground">
                    {describeHours(day)}
                    {day.label ? ` · ${day.label}` : ""}
                  </p>
                </div>
                {!readOnly && <RemoveButton day={day} today={today} />}
              </li>
            ))}
          </ul>
        )}
        {!readOnly && <AddSpecialDayForm resetKey={JSON.stringify(days)} today={today} timeZoneLabel={timeZoneLabel} />}
      </CardContent>
    </Card>
  );
}
