"use client";

import { Loader2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { resetPasswordAction } from "@/lib/auth/actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const { state, formAction, pending, onSubmit, fieldErrors } = useActionForm(resetPasswordAction, { toast: false });
  const formError = state && !state.ok && !fieldErrors ? state.error : null;

  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-5" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage message={formError} />
      <FormField label="New password" name="newPassword" hint="At least 10 characters." errors={fieldErrors?.newPassword}>
        {(f) => <Input {...f} type="password" autoComplete="new-password" minLength={10} required autoFocus />}
      </FormField>
      <FormField label="Confirm new password" name="confirmPassword" errors={fieldErrors?.confirmPassword}>
        {(f) => <Input {...f} type="password" autoComplete="new-password" required />}
      </FormField>
      <Button type="submit" size="lg" disabled={pending} className="w-full">
        {pending && <Loader2Icon className="animate-spin" aria-hidden />}
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
