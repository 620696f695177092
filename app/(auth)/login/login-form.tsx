"use client";

import { Loader2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { loginAction } from "@/lib/auth/actions";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  // Errors show inline on these public forms; no toasts.
  const { state, formAction, pending, onSubmit, fieldErrors } = useActionForm(loginAction, { toast: false });
  // Field problems are shown under the fields; the banner is for "Email or password is incorrect." etc.
  const formError = state && !state.ok && !fieldErrors ? state.error : null;

  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-5" noValidate>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormMessage message={formError} />
      <FormField label="Email" name="email" errors={fieldErrors?.email}>
        {(field) => (
          <Input {...field} type="email" autoComplete="email" inputMode="email" required autoFocus />
        )}
      </FormField>
      <FormField label="Password" name="password" errors={fieldErrors?.password}>
        {(field) => <Input {...field} type="password" autoComplete="current-password" required />}
      </FormField>
      <Button type="submit" size="lg" disabled={pending} className="w-full">
        {pending && <Loader2Icon className="animate-spin" aria-hidden />}
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
