"use client";
// Settings → Salon: name, time zone, the salon's own phone and address. The forwarding phone lives in
// Phone & hours with the rest of what callers hear, so it is edited in one place only.
import Link from "@/components/ui/link";
import { updateSalonProfileAction } from "@/lib/salons/actions";
import { TimeZoneSelect } from "@/components/settings/time-zone-select";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { SaveBar } from "@/components/ui/save-bar";
import { useActionForm } from "@/components/ui/use-action-form";
import { cn } from "@/lib/utils";

export type SalonProfileValues = {
  name: string;
  timeZone: string;
  phone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string;
  directions: string | null;
};

/** The salon profile. Staff get the same fields read-only (`readOnly`), without a Save button. */
export function SalonProfileForm({
  salon,
  version,
  readOnly = false,
}: {
  salon: SalonProfileValues;
  /** Changes when the saved profile changes; the fields remount to show the saved values. */
  version: string;
  readOnly?: boolean;
}) {
  const { formAction, pending, onSubmit, fieldErrors: errors } = useActionForm(updateSalonProfileAction);

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <fieldset
        key={version}
        disabled={readOnly || pending}
        // Read-only fields stay legible for staff instead of greyed out like a busy form.
        className={cn(
          "grid gap-6",
          readOnly &&
            "[&_:is(input,button):disabled]:cursor-default [&_:is(input,button):disabled]:bg-muted [&_:is(input,button):disabled]:opacity-100",
        )}
      >
        <legend className="sr-only">Salon profile</legend>
        <Card>
          <CardHeader>
            <CardTitle>Salon</CardTitle>
            <CardDescription>Your name is how Bolt greets callers and signs every text.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5 sm:grid-cols-2">
            <FormField label="Salon name" name="name" errors={errors?.name}>
              {(f) => <Input {...f} defaultValue={salon.name} autoComplete="organization" required />}
            </FormField>
            <FormField
              label="Time zone"
              name="timeZone"
              hint="Appointment times and reminders use it."
              errors={errors?.timeZone}
            >
              {(f) => <TimeZoneSelect {...f} defaultValue={salon.timeZone} disabled={readOnly || pending} />}
            </FormField>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Phone</CardTitle>
            <CardDescription>
              Your salon&apos;s own line. To choose which phone Bolt rings when a caller asks for a person,
              see{" "}
              <Link href="/settings/phone" className="font-medium text-foreground underline underline-offset-4">
                Phone &amp; hours
              </Link>
              .
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5 sm:grid-cols-2">
            <FormField
              label="Salon phone"
              name="phone"
              hint="Your existing landline or mobile."
              errors={errors?.phone}
            >
              {(f) => (
                <Input
                  {...f}
                  type="tel"
                  defaultValue={salon.phone ?? ""}
                  autoComplete="tel"
                  placeholder="(415) 555-0123"
                />
              )}
            </FormField>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Address</CardTitle>
            <CardDescription>Bolt reads it to callers who ask where you are.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5 sm:grid-cols-6">
            <FormField
              label="Street address"
              name="addressLine1"
              errors={errors?.addressLine1}
              className="sm:col-span-6"
            >
              {(f) => <Input {...f} defaultValue={salon.addressLine1 ?? ""} autoComplete="address-line1" />}
            </FormField>
            <FormField
              label="Suite, unit (optional)"
              name="addressLine2"
              errors={errors?.addressLine2}
              className="sm:col-span-6"
            >
              {(f) => <Input {...f} defaultValue={salon.addressLine2 ?? ""} autoComplete="address-line2" />}
            </FormField>
            <FormField label="City" name="city" errors={errors?.city} className="sm:col-span-3">
              {(f) => <Input {...f} defaultValue={salon.city ?? ""} autoComplete="address-level2" />}
            </FormField>
            <FormField
              label="State / province"
              name="region"
              errors={errors?.region}
              className="sm:col-span-3"
            >
              {(f) => <Input {...f} defaultValue={salon.region ?? ""} autoComplete="address-level1" />}
            </FormField>
            <FormField
              label="ZIP / postal code"
              name="postalCode"
              errors={errors?.postalCode}
              className="sm:col-span-3"
            >
              {(f) => <Input {...f} defaultValue={salon.postalCode ?? ""} autoComplete="postal-code" />}
            </FormField>
            <FormField
              label="Country code"
              name="country"
              hint="Two letters, like US or CA."
              errors={errors?.country}
              className="sm:col-span-3"
            >
              {(f) => (
                <Input
                  {...f}
                  defaultValue={salon.country}
                  autoComplete="country"
                  maxLength={2}
                  className="uppercase"
                />
              )}
            </FormField>
            <FormField
              label="Directions and parking"
              name="directions"
              hint="Bolt says this after your address, on calls and in texts."
              errors={errors?.directions}
              className="sm:col-span-6"
            >
              {(f) => <Textarea {...f} defaultValue={salon.directions ?? ""} maxLength={300} rows={2} placeholder="Free parking behind the building." />}
            </FormField>
          </CardContent>
        </Card>

        {!readOnly && <SaveBar pending={pending} note="Changes apply to calls and texts right away." />}
      </fieldset>
    </form>
  );
}
