"use client";
// Remove a member, after a confirmation that says what happens: they lose access and are signed out at once.
import { removeMemberAction } from "@/lib/team/actions";
import { Button } from "@/components/ui/button";
import { ConfirmActionDialog } from "@/components/ui/confirm-action-dialog";

export function RemoveMemberButton({ userId, name }: { userId: string; name: string }) {
  return (
    <ConfirmActionDialog
      trigger={
        <Button variant="ghost" size="sm" className="text-destructive hover:bg-destructive/10 hover:text-destructive">
          Remove<span className="sr-only"> {name}</span>
        </Button>
      }
      title={`Remove ${name} from the team?`}
      description="They lose access to the salon in Bolt and are signed out on every device right away. You can invite them again later."
      action={removeMemberAction}
      fields={{ userId }}
      cancelLabel="Keep"
      confirmLabel="Remove"
      pendingLabel="Removing…"
    />
  );
}
