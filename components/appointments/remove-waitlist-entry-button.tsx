"use client";
// Take a customer off the waitlist, after a confirmation: an offer of theirs still out can no longer be taken.
import { Button } from "@/components/ui/button";
import { ConfirmActionDialog } from "@/components/ui/confirm-action-dialog";
import { removeWaitlistEntryAction } from "@/lib/waitlist/actions";

export function RemoveWaitlistEntryButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmActionDialog
      trigger={
        <Button variant="ghost" size="sm" className="text-destructive hover:bg-destructive/10 hover:text-destructive">
          Remove<span className="sr-only"> {name} from the waitlist</span>
        </Button>
      }
      title={`Take ${name} off the waitlist?`}
      description="They won't be texted about freed times any more, and an offer already sent to them can no longer be taken."
      action={removeWaitlistEntryAction}
      fields={{ id }}
      cancelLabel="Keep"
      confirmLabel="Remove"
      pendingLabel="Removing…"
    />
  );
}
