"use client";
// The follow-up controls of a call (a voicemail too) or a conversation: "Mark handled" while it needs
// follow-up, "Reopen" after (or "Needs follow-up" where nothing was opened), and "Assign to me" /
// "Unassign". One server action (lib/follow-ups/actions.ts) saves either; a toast says so.
import { BellRingIcon, CheckIcon, Loader2Icon, UserCheckIcon, UserXIcon } from "lucide-react";
import { updateFollowUpAction } from "@/lib/follow-ups/actions";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import { cn } from "@/lib/utils";

export type FollowUpState = "OPEN" | "HANDLED" | null;

type Props = {
  target: "call" | "conversation";
  id: string;
  state: FollowUpState;
  assigneeId: string | null;
  viewerId: string;
  size?: "default" | "sm";
  className?: string;
};

export function FollowUpControls({ target, id, state, assigneeId, viewerId, size = "default", className }: Props) {
  const { formAction, pending, onSubmit } = useActionForm(updateFollowUpAction);
  const next = state === "OPEN" ? "HANDLED" : "OPEN";
  const mine = assigneeId === viewerId;
  return (
    <form action={formAction} onSubmit={onSubmit} className={cn("flex flex-wrap gap-2", className)}>
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="id" value={id} />
      <Button type="submit" name="followUp" value={next} size={size} variant={state === "OPEN" ? "default" : "outline"} disabled={pending}>
        {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : next === "HANDLED" ? <CheckIcon aria-hidden /> : <BellRingIcon aria-hidden />}
        {next === "HANDLED" ? "Mark handled" : state === "HANDLED" ? "Reopen" : "Needs follow-up"}
      </Button>
      {/* Assigning only matters while someone has to act, or to take back one's own. */}
      {(state === "OPEN" || assigneeId) && (
        <Button type="submit" name="assignee" value={mine ? "none" : "me"} size={size} variant="outline" disabled={pending}>
          {mine ? <UserXIcon aria-hidden /> : <UserCheckIcon aria-hidden />}
          {mine ? "Unassign" : "Assign to me"}
        </Button>
      )}
    </form>
  );
}
