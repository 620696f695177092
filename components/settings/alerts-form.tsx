"use client";
// Settings → Alerts: which events reach the member on which channel (a table of checkboxes), their
// phone for text alerts, and their quiet hours. Saved with saveAlertPreferencesAction.
import { saveAlertPreferencesAction } from "@/lib/alerts/actions";
import { ALERT_CHANNELS, ALERT_EVENTS, CHANNEL_LABELS, EVENT_LABELS, type AlertChannel, type AlertEvent } from "@/lib/alerts/events";
import { QuietHoursFields } from "@/components/settings/quiet-hours-fields";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SaveBar } from "@/components/ui/save-bar";
import { useActionForm } from "@/components/ui/use-action-form";

export type AlertsFormValues = {
  /** As people write it ("(415) 555-0123"), or "". */
  phone: string;
  events: Record<AlertChannel, AlertEvent[]>;
  quietHours: { start: string; end: string } | null;
  timeZoneLabel: string;
};

const checkboxClass = "size-4 rounded border-input accent-primary disabled:opacity-50";
const CHANNEL_WORDS: Record<AlertChannel, string> = { sms: "by text", email: "by email", push: "in this browser" };

export function AlertsForm({ values }: { values: AlertsFormValues }) {
  const { state, formAction, pending, onSubmit, fieldErrors: errors } = useActionForm(saveAlertPreferencesAction);
  const formError = state && !state.ok && !errors ? state.error : null;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Alert settings">
      <fieldset disabled={pending} className="grid gap-6">
        <legend className="sr-only">Alert settings</legend>
        <FormMessage message={formError} />
        <Card>
          <CardHeader>
            <CardTitle>What alerts you</CardTitle>
            <CardDescription>
              One alert per call or text, however often it is reported. Texts Bolt answers completely (a
              confirmation, a booking it made) don&apos;t alert anyone.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <table className="w-full text-sm" data-testid="alert-choices">
              <caption className="sr-only">Events and the ways they reach you</caption>
              <thead>
                <tr className="border-b text-left">
                  <th scope="col" className="py-2 pr-2 font-medium">
                    Event
                  </th>
                  {ALERT_CHANNELS.map((channel) => (
                    <th key={channel} scope="col" className="w-16 px-1 py-2 text-center font-medium sm:w-24">
                      {CHANNEL_LABELS[channel]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ALERT_EVENTS.map((event) => (
                  <tr key={event} className="border-b last:border-0">
                    <th scope="row" className="py-3 pr-2 text-left font-normal">
                      {EVENT_LABELS[event]}
                    </th>
                    {ALERT_CHANNELS.map((channel) => (
                      <td key={channel} className="px-1 py-3 text-center">
                        <input
                          type="checkbox"
                          name={channel}
                          value={event}
                          defaultChecked={values.events[channel].includes(event)}
                          aria-label={`${EVENT_LABELS[event]} ${CHANNEL_WORDS[channel]}`}
                          className={checkboxClass}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Your phone</CardTitle>
            <CardDescription>Text alerts go to this number, through your salon&apos;s Bolt number.</CardDescription>
          </CardHeader>
          <CardContent>
            <FormField label="Mobile number" name="phone" hint="Leave blank for no text alerts." errors={errors?.phone}>
              {(f) => <Input {...f} type="tel" inputMode="tel" autoComplete="tel" defaultValue={values.phone} placeholder="(415) 555-0123" className="max-w-xs" />}
            </FormField>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Your quiet hours</CardTitle>
            <CardDescription>
              Text and browser alerts wait until your quiet hours end; emails arrive at once. Times are{" "}
              {values.timeZoneLabel}.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5">
            <QuietHoursFields
              label="Hold my text and browser alerts overnight"
              value={values.quietHours}
              fallback={{ start: "22:00", end: "07:00" }}
              errors={errors}
            />
          </CardContent>
        </Card>

        <SaveBar pending={pending} note="Applies to alerts from now on." />
      </fieldset>
    </form>
  );
}
