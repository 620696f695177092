"use client";
// Signs out one of your other browsers from the account page's list.
import { Loader2Icon } from "lucide-react";
import { revokeSessionAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";

export function EndSessionButton({ id, label }: { id: string; label: string }) {
  const { formAction, pending, onSubmit } = useActionForm(revokeSessionAction);
  return (
    <form action={formAction} onSubmit={onSubmit}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending}>
        {pending && <Loader2Icon className="animate-spin" aria-hidden />}
        Sign out<span className="sr-only"> {label}</span>
      </Button>
    </form>
  );
}
