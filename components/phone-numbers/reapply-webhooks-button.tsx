"use client";
// Points the number at Bolt's webhooks again (IncomingPhoneNumbers update).
import { Loader2Icon, RefreshCwIcon } from "lucide-react";
import { reapplyWebhooksAction } from "@/lib/phone-numbers/actions";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";

export function ReapplyWebhooksButton() {
  const { formAction, pending, onSubmit } = useActionForm(reapplyWebhooksAction);
  return (
    <form action={formAction} onSubmit={onSubmit}>
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <RefreshCwIcon aria-hidden />}
        Re-apply webhook settings
      </Button>
    </form>
  );
}
