"use client";
// A stylist's time off: whole days, first to last, in the salon's time zone. Owners add and remove;
// availability leaves these days out at once.
import { Loader2Icon, PlusIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { addTimeOffAction, removeTimeOffAction } from "@/lib/employees/actions";

export type TimeOffRow = { id: string; label: string; note: string | null };

function RemoveTimeOff({ employeeId, row }: { employeeId: string; row: TimeOffRow }) {
  const { formAction, pending, onSubmit } = useActionForm(removeTimeOffAction);
  return (
    <form action={formAction} onSubmit={onSubmit}>
      <input type="hidden" name="employeeId" value={employeeId} />
      <input type="hidden" name="id" value={row.id} />
      <Button type="submit" variant="ghost" size="icon" disabled={pending} aria-label={`Remove time off ${row.label}`}>
        {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <XIcon aria-hidden />}
      </Button>
    </form>
  );
}

export function TimeOffCard({ employeeId, rows, readOnly }: { employeeId: string; rows: TimeOffRow[]; readOnly: boolean }) {
  const { state, formAction, pending, onSubmit, fieldErrors: errors } = useActionForm(addTimeOffAction);
  const formError = state && !state.ok && !errors ? state.error : null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Time off</CardTitle>
        <CardDescription>Days this stylist can&apos;t be booked, first day to last.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">No time off coming up.</p>
        ) : (
          <ul className="divide-y rounded-lg border" aria-label="Time off">
            {rows.map((row) => (
              <li key={row.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                <span>
                  {row.label}
                  {row.note && <span className="text-muted-foreground"> · {row.note}</span>}
                </span>
                {!readOnly && <RemoveTimeOff employeeId={employeeId} row={row} />}
              </li>
            ))}
          </ul>
        )}
        {!readOnly && (
          <form action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[1fr_1fr_2fr_auto] sm:items-end">
            <input type="hidden" name="employeeId" value={employeeId} />
            <FormMessage message={formError} className="sm:col-span-4" />
            <FormField label="First day off" name="from" id="time-off-from" errors={errors?.from}>
              {(f) => <Input {...f} type="date" required />}
            </FormField>
            <FormField label="Last day off" name="to" id="time-off-to" errors={errors?.to}>
              {(f) => <Input {...f} type="date" required />}
            </FormField>
            <FormField label="Note" name="note" id="time-off-note" hint="Optional, e.g. “Vacation”." errors={errors?.note}>
              {(f) => <Input {...f} maxLength={200} />}
            </FormField>
            <Button type="submit" disabled={pending} className="sm:mb-6">
              {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <PlusIcon aria-hidden />}
              Add time off
            </Button>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
