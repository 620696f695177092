"use client";
// "Remove" with a confirmation, for a stylist or a service: the server deletes what was never booked and
// deactivates the rest, and the toast says which. Back to the list afterwards.
import { useCallback } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmActionDialog } from "@/components/ui/confirm-action-dialog";
import type { ActionResult } from "@/lib/api/salon-action";

type Props = {
  id: string;
  name: string;
  action: (prev: ActionResult, formData: FormData) => Promise<ActionResult>;
  /** Where to go once removed: the list. */
  listHref: string;
};

export function RemoveRecordButton({ id, name, action, listHref }: Props) {
  const router = useRouter();
  const backToList = useCallback(() => router.push(listHref), [router, listHref]);
  return (
    <ConfirmActionDialog
      trigger={
        <Button variant="outline" className="text-destructive hover:bg-destructive/10 hover:text-destructive">
          Remove<span className="sr-only"> {name}</span>
        </Button>
      }
      title={<>Remove “{name}”?</>}
      description="If there are appointments on the books, it is deactivated instead, so the history keeps it and nothing new can be booked."
      action={action}
      fields={{ id }}
      cancelLabel="Keep"
      confirmLabel="Remove"
      pendingLabel="Removing…"
      onDone={backToList}
    />
  );
}
