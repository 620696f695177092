"use client";

import { Loader2Icon } from "lucide-react";
import Link from "@/components/ui/link";
import { Button } from "@/components/ui/button";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { acceptInvitationAction, acceptWithPasswordAction } from "@/lib/team/actions";

type Props = { token: string; email: string; hasAccount: boolean };

export function AcceptInvitationForm({ token, email, hasAccount }: Props) {
  const { state, formAction, pending, onSubmit, fieldErrors } = useActionForm(
    hasAccount ? acceptWithPasswordAction : acceptInvitationAction,
    { toast: false },
  );
  const formError = state && !state.ok && !fieldErrors ? state.error : null;

  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-5" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage message={formError} />
      {/* Shown, not submitted (the invitation fixes the address); the id lets password managers pair it. */}
      <FormField label="Email" name="invitedEmail">
        {({ id }) => <Input id={id} type="email" value={email} readOnly autoComplete="username" />}
      </FormField>
      {!hasAccount && (
        <FormField label="Your name" name="name" errors={fieldErrors?.name}>
          {(f) => <Input {...f} autoComplete="name" maxLength={120} required autoFocus />}
        </FormField>
      )}
      <FormField
        label={hasAccount ? "Password" : "Choose a password"}
        name="password"
        hint={hasAccount ? undefined : "At least 10 characters."}
        errors={fieldErrors?.password}
      >
        {(f) => (
          <Input
            {...f}
            type="password"
            autoComplete={hasAccount ? "current-password" : "new-password"}
            minLength={hasAccount ? undefined : 10}
            required
            autoFocus={hasAccount}
          />
        )}
      </FormField>
      <Button type="submit" size="lg" disabled={pending} className="w-full">
        {pending && <Loader2Icon className="animate-spin" aria-hidden />}
        {pending ? "Joining…" : "Join the team"}
      </Button>
      {hasAccount && (
        <Link href="/forgot-password" className="text-center text-sm text-primary underline-offset-4 hover:underline">
          Forgot your password?
        </Link>
      )}
    </form>
  );
}
