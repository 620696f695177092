"use client";
// One button that runs a Settings → Team action (resend, revoke, change role) for one row and toasts the
// result: the row may be gone by the time an effect could, as with the account page's "Sign out".
import { useTransition, type FormEvent, type ReactNode } from "react";
import { Loader2Icon } from "lucide-react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/api/salon-action";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";

type Props = {
  action: (prev: ActionResult, formData: FormData) => Promise<ActionResult>;
  fields: Record<string, string>;
  children: ReactNode;
  variant?: "ghost" | "outline";
};

export function TeamActionButton({ action, fields, children, variant = "outline" }: Props) {
  // The form action stays for posts without JavaScript; with it, the result is toasted from here.
  const { formAction } = useActionForm(action, { toast: false });
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await action(null, formData);
      if (result?.ok) toast.success(result.message ?? "Done.");
      else if (result) toast.error(result.error);
    });
  }

  return (
    <form action={formAction} onSubmit={onSubmit}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} size="sm" disabled={pending}>
        {pending && <Loader2Icon className="animate-spin" aria-hidden />}
        {children}
      </Button>
    </form>
  );
}
