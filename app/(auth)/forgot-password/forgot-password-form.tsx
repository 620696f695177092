"use client";

import { Loader2Icon, MailCheckIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { forgotPasswordAction } from "@/lib/auth/actions";

export function ForgotPasswordForm() {
  // Errors show inline on these public forms; no toasts.
  const { state, formAction, pending, onSubmit, fieldErrors } = useActionForm(forgotPasswordAction, { toast: false });
  if (state?.ok)
    return (
      <p role="status" className="flex items-start gap-2 rounded-md border bg-muted/50 px-3 py-3 text-sm">
        <MailCheckIcon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
        {state.message}
      </p>
    );
  const formError = state && !state.ok && !fieldErrors ? state.error : null;

  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-5" noValidate>
      <FormMessage message={formError} />
      <FormField label="Email" name="email" errors={fieldErrors?.email}>
        {(field) => <Input {...field} type="email" autoComplete="email" inputMode="email" required autoFocus />}
      </FormField>
      <Button type="submit" size="lg" disabled={pending} className="w-full">
        {pending && <Loader2Icon className="animate-spin" aria-hidden />}
        {pending ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}
