"use client";

import { Loader2Icon } from "lucide-react";
import { TimeZoneSelect } from "@/components/settings/time-zone-select";
import { Button } from "@/components/ui/button";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { signUpAction } from "@/lib/auth/actions";

export function SignUpForm() {
  // Errors show inline on these public forms; no toasts.
  const { state, formAction, pending, onSubmit, fieldErrors } = useActionForm(signUpAction, { toast: false });
  const formError = state && !state.ok && !fieldErrors ? state.error : null;

  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-5" noValidate>
      <FormMessage message={formError} />
      <FormField label="Salon name" name="salonName" errors={fieldErrors?.salonName}>
        {(field) => (
          <Input {...field} autoComplete="organization" placeholder="Luxe Hair Studio" required autoFocus />
        )}
      </FormField>
      <FormField label="Your name" name="ownerName" errors={fieldErrors?.ownerName}>
        {(field) => <Input {...field} autoComplete="name" required />}
      </FormField>
      <FormField label="Email" name="email" errors={fieldErrors?.email}>
        {(field) => <Input {...field} type="email" autoComplete="email" inputMode="email" required />}
      </FormField>
      <FormField
        label="Password"
        name="password"
        hint="At least 10 characters."
        errors={fieldErrors?.password}
      >
        {(field) => <Input {...field} type="password" autoComplete="new-password" minLength={10} required />}
      </FormField>
      <FormField
        label="Time zone"
        name="timeZone"
        hint="Appointment times and reminders use your salon's time zone."
        errors={fieldErrors?.timeZone}
      >
        {(field) => <TimeZoneSelect {...field} />}
      </FormField>
      <Button type="submit" size="lg" disabled={pending} className="w-full">
        {pending && <Loader2Icon className="animate-spin" aria-hidden />}
        {pending ? "Creating your salon…" : "Create account"}
      </Button>
    </form>
  );
}
