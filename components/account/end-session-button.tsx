"use client";
// Signs out one of your other browsers from the account page's list.
import { useTransition, type FormEvent } from "react";
import { Loader2Icon } from "lucide-react";
import { toast } from "sonner";
import { revokeSessionAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";

export function EndSessionButton({ id, label }: { id: string; label: string }) {
  // The form action stays for posts without JavaScript; with it, the result is toasted from here
  // because the row (and this component) is gone by the time an effect could show it.
  const { formAction } = useActionForm(revokeSessionAction, { toast: false });
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await revokeSessionAction(null, formData);
      if (result?.ok) toast.success(result.message ?? "Signed out that browser.");
      else if (result) toast.error(result.error);
    });
  }

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
