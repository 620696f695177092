"use client";
// Settings → Messaging. Owners edit; staff get the same fields read-only (`readOnly`), without Save.
import { updateMessagingSettingsAction } from "@/lib/salons/actions";
import { QuietHoursFields } from "@/components/settings/quiet-hours-fields";
import { ReminderOffsetsField } from "@/components/settings/reminder-offsets-field";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SaveBar } from "@/components/ui/save-bar";
import { useActionForm } from "@/components/ui/use-action-form";

export type MessagingSettingsValues = {
  reminderOffsetsMinutes: number[];
  quietHoursStart: string;
  quietHoursEnd: string;
  autoConfirm: boolean;
  monthlySmsQuota: number;
  smsUsedThisMonth: number;
  timeZoneLabel: string;
};

const checkboxClass = "mt-0.5 size-4 shrink-0 rounded border-input accent-primary disabled:opacity-50";

function UsageBar({ used, quota }: { used: number; quota: number }) {
  const pct = Math.min(100, Math.round((used / Math.max(quota, 1)) * 100));
  return (
    <div className="grid gap-1.5">
      <div className="h-2 overflow-hidden rounded-full bg-muted" aria-hidden>
        <div
          className={pct >= 90 ? "h-full bg-destructive" : "h-full bg-primary"}
          style={{ width: `${pct}%` }}
        />
      </div>
      <p className="text-sm text-muted-foreground" data-testid="sms-usage">
        {used.toLocaleString("en-US")} used this month of {quota.toLocaleString("en-US")} ({pct}%)
        {used >= quota && " — texts fail until next month or a higher limit."}
      </p>
    </div>
  );
}

export function MessagingSettingsForm({
  values,
  readOnly = false,
}: {
  values: MessagingSettingsValues;
  readOnly?: boolean;
}) {
  const {
    state,
    formAction,
    pending,
    onSubmit,
    fieldErrors: errors,
  } = useActionForm(updateMessagingSettingsAction);
  const reminderErrors = [
    ...new Set(
      Object.entries(errors ?? {}).flatMap(([key, messages]) =>
        key.startsWith("reminderOffsetHours") ? messages : [],
      ),
    ),
  ];
  const formError = state && !state.ok && !errors ? state.error : null;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <fieldset disabled={readOnly || pending} className="grid gap-6">
        <legend className="sr-only">Messaging settings</legend>
        <FormMessage message={formError} />
        <Card>
          <CardHeader>
            <CardTitle>Appointment reminders</CardTitle>
            <CardDescription>
              When Bolt texts customers before their appointment. The usual choice is a day and two hours
              before.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ReminderOffsetsField
              defaultHours={values.reminderOffsetsMinutes.map((m) => m / 60)}
              errors={reminderErrors.length ? reminderErrors : undefined}
              disabled={readOnly || pending}
              readOnly={readOnly}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Quiet hours</CardTitle>
            <CardDescription>
              Texts due overnight wait until morning instead of waking customers up. Times are{" "}
              {values.timeZoneLabel}.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5">
            <QuietHoursFields
              label="Hold texts during quiet hours"
              note="Turn off to send at any hour (not recommended)."
              value={values.quietHoursStart !== values.quietHoursEnd ? { start: values.quietHoursStart, end: values.quietHoursEnd } : null}
              fallback={{ start: "21:00", end: "08:00" }}
              errors={errors}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Confirmations</CardTitle>
            <CardDescription>
              A text confirming the day, time, service and stylist, with “Reply R to reschedule”.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <label className="flex items-start gap-3 text-sm">
              <input
                type="checkbox"
                name="autoConfirm"
                defaultChecked={values.autoConfirm}
                className={checkboxClass}
              />
              <span className="grid gap-0.5">
                <span className="font-medium">
                  Send a confirmation automatically when an appointment is booked
                </span>
                <span className="text-muted-foreground">
                  You can always send one by hand from Appointments.
                </span>
              </span>
            </label>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Monthly text limit</CardTitle>
            <CardDescription>
              A safety cap on texts per calendar month. Texts over it fail with a note saying so.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <FormField label="Texts per month" name="monthlySmsQuota" errors={errors?.monthlySmsQuota}>
              {(f) => (
                <Input
                  {...f}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  step={1}
                  defaultValue={values.monthlySmsQuota}
                  className="w-40"
                  required
                />
              )}
            </FormField>
            <UsageBar used={values.smsUsedThisMonth} quota={values.monthlySmsQuota} />
          </CardContent>
        </Card>

        {!readOnly && <SaveBar pending={pending} note="Applies to texts from now on." />}
      </fieldset>
    </form>
  );
}
