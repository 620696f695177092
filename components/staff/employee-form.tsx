"use client";
// Add or edit a stylist: name, phone as people write it, email, active, the services they perform and
// their weekly hours (breaks are gaps). The line under the hours says at once when a day strays outside
// the salon's opening hours, as the save would. Staff see the same fields read-only.
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { CheckboxList } from "@/components/staff/checkbox-list";
import { RecordFieldset } from "@/components/staff/record-fieldset";
import { PhoneHoursEditor } from "@/components/settings/phone-hours-editor";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SaveBar } from "@/components/ui/save-bar";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveEmployeeAction } from "@/lib/employees/actions";
import { describeWorkingWeek, hoursOutsideSalon } from "@/lib/employees/working-hours";
import type { BusinessHours } from "@/lib/salons/business-hours";

export type EmployeeFormValues = {
  id?: string;
  name: string;
  /** As people write it ("(415) 555-0142"). */
  phone: string;
  email: string;
  active: boolean;
  serviceIds: string[];
  workingHours: BusinessHours;
};

type Props = {
  values: EmployeeFormValues;
  services: Array<{ id: string; name: string; category: string | null; active: boolean }>;
  salonHours: BusinessHours;
  timeZoneLabel: string;
  readOnly?: boolean;
};

export function EmployeeForm({ values, services, salonHours, timeZoneLabel, readOnly = false }: Props) {
  const router = useRouter();
  const { state, formAction, pending, onSubmit, fieldErrors: errors } = useActionForm(saveEmployeeAction);
  const formError = state && !state.ok && !errors ? state.error : null;
  const createdId = !values.id && state?.ok ? (state.data as { id?: string } | undefined)?.id : undefined;
  // A new stylist opens on their own page, where time off can be added.
  useEffect(() => {
    if (createdId) router.push(`/staff/${createdId}`);
  }, [createdId, router]);

  const note = (hours: BusinessHours | null) => {
    if (!hours) return { text: "Some times aren't valid yet: each period needs a start before its end.", problem: true };
    const problems = Object.values(hoursOutsideSalon(hours, salonHours));
    if (problems.length) return { text: problems.join(" "), problem: true };
    return { text: `Works ${describeWorkingWeek(hours)}. Times are ${timeZoneLabel}.`, problem: false };
  };

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <RecordFieldset
        legend={values.id ? `Edit ${values.name}` : "Add a stylist"}
        id={values.id}
        readOnly={readOnly}
        pending={pending}
        formError={formError}
      >
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
            <CardDescription>Bolt texts the stylist when they get a booking, if a phone is given.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5 sm:grid-cols-2">
            <FormField label="Name" name="name" errors={errors?.name} className="sm:col-span-2">
              {(f) => <Input {...f} defaultValue={values.name} maxLength={100} required autoComplete="off" />}
            </FormField>
            <FormField label="Phone" name="phone" hint="Optional." errors={errors?.phone}>
              {(f) => <Input {...f} type="tel" defaultValue={values.phone} placeholder="(415) 555-0123" autoComplete="off" />}
            </FormField>
            <FormField label="Email" name="email" hint="Optional." errors={errors?.email}>
              {(f) => <Input {...f} type="email" defaultValue={values.email} placeholder="name@example.com" autoComplete="off" />}
            </FormField>
            <label className="flex items-center gap-2.5 text-sm font-medium sm:col-span-2">
              <input type="checkbox" name="active" defaultChecked={values.active} className="size-4 rounded border-input accent-primary" />
              Active (can be booked)
            </label>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Services</CardTitle>
            <CardDescription>Only these services can be booked with this stylist.</CardDescription>
          </CardHeader>
          <CardContent>
            <CheckboxList
              legend="Services performed"
              name="serviceIds"
              options={services}
              checked={values.serviceIds}
              error={errors?.serviceIds?.[0]}
              empty="No services yet: add them on the Services page."
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Working hours</CardTitle>
            <CardDescription>
              Within the salon&apos;s opening hours. Add a second period on a day for a break.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <PhoneHoursEditor
              defaultHours={values.workingHours}
              errors={errors}
              disabled={readOnly || pending}
              timeZoneLabel={timeZoneLabel}
              field="workingHours"
              note={note}
            />
          </CardContent>
        </Card>

        {!readOnly && <SaveBar pending={pending} note="Bookings and the calendar use the new hours at once." />}
      </RecordFieldset>
    </form>
  );
}
