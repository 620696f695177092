// Under a thread's header while the conversation has a follow-up: whether it waits for the salon, who
// has it, and the same "Mark handled" / "Assign to me" controls as a call's.
import { FollowUpControls, type FollowUpState } from "@/components/calls/call-follow-up";

type Props = { customerId: string; state: string | null; assignee: { id: string; name: string } | null; viewerId: string };

export function ConversationFollowUp({ customerId, state, assignee, viewerId }: Props) {
  if (state !== "OPEN" && state !== "HANDLED") return null;
  const who = assignee ? ` Assigned to ${assignee.id === viewerId ? "you" : assignee.name}.` : "";
  return (
    <div data-testid="conversation-follow-up" className="flex flex-wrap items-center justify-between gap-2 border-b bg-muted/40 px-3 py-2 sm:px-4">
      <p className="text-sm text-muted-foreground">
        {state === "OPEN" ? "Waiting for a reply from the salon." : "Handled."}
        {who}
      </p>
      <FollowUpControls target="conversation" id={customerId} state={state as FollowUpState} assigneeId={assignee?.id ?? null} viewerId={viewerId} size="sm" />
    </div>
  );
}
