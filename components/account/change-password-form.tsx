"use client";
// Settings → Account: change your own password. Other signed-in browsers are signed out by the server.
import { useEffect, useRef } from "react";
import { KeyRoundIcon, Loader2Icon } from "lucide-react";
import { changePasswordAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";

export function ChangePasswordForm() {
  const { state, formAction, pending, onSubmit, fieldErrors: errors } = useActionForm(changePasswordAction);
  const form = useRef<HTMLFormElement>(null);
  // Passwords don't linger in the fields after a successful change.
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);

  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} noValidate>
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2 text-base">
            <KeyRoundIcon className="size-4 text-muted-foreground" aria-hidden />
            Password
          </CardTitle>
          <CardDescription>Changing it signs you out on every other device.</CardDescription>
        </CardHeader>
        <CardContent>
          <fieldset disabled={pending} className="grid gap-5 sm:max-w-sm">
            <legend className="sr-only">Change password</legend>
            <FormField label="Current password" name="currentPassword" errors={errors?.currentPassword}>
              {(f) => <Input {...f} type="password" autoComplete="current-password" required />}
            </FormField>
            <FormField
              label="New password"
              name="newPassword"
              hint="At least 10 characters."
              errors={errors?.newPassword}
            >
              {(f) => <Input {...f} type="password" autoComplete="new-password" minLength={10} required />}
            </FormField>
            <FormField label="Confirm new password" name="confirmPassword" errors={errors?.confirmPassword}>
              {(f) => <Input {...f} type="password" autoComplete="new-password" required />}
            </FormField>
          </fieldset>
        </CardContent>
        <CardFooter>
          <Button type="submit" disabled={pending}>
            {pending && <Loader2Icon className="animate-spin" aria-hidden />}
            {pending ? "Changing…" : "Change password"}
          </Button>
        </CardFooter>
      </Card>
    </form>
  );
}
