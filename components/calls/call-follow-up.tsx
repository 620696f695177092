"use client";
// The call page's follow-up control: "Mark as followed up" while it needs follow-up, "Reopen" after
// (or "Needs follow-up" on a call the rule left alone). A server action saves it; a toast says so.
import { BellRingIcon, CheckIcon, Loader2Icon } from "lucide-react";
import { updateCallFollowUpAction } from "@/lib/calls/actions";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";

type Props = { callId: string; state: "OPEN" | "HANDLED" | null };

export function CallFollowUpButton({ callId, state }: Props) {
  const { formAction, pending, onSubmit } = useActionForm(updateCallFollowUpAction);
  const next = state === "OPEN" ? "HANDLED" : "OPEN";
  return (
    <form action={formAction} onSubmit={onSubmit} className="w-full sm:w-fit">
      <input type="hidden" name="callId" value={callId} />
      <input type="hidden" name="followUp" value={next} />
      <Button type="submit" variant={state === "OPEN" ? "default" : "outline"} disabled={pending} className="w-full sm:w-fit">
        {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : next === "HANDLED" ? <CheckIcon aria-hidden /> : <BellRingIcon aria-hidden />}
        {next === "HANDLED" ? "Mark as followed up" : state === "HANDLED" ? "Reopen" : "Needs follow-up"}
      </Button>
    </form>
  );
}
