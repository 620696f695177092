"use client";
// Revoke with a confirmation; the dialog closes once the server says the key is revoked (the row then shows "Revoked").
import { revokeApiKeyAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { ConfirmActionDialog } from "@/components/ui/confirm-action-dialog";

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmActionDialog
      trigger={
        <Button variant="ghost" size="sm" className="text-destructive hover:bg-destructive/10 hover:text-destructive">
          Revoke<span className="sr-only"> {name}</span>
        </Button>
      }
      title={<>Revoke “{name}”?</>}
      description="Anything using this key stops connecting to Bolt right away. This can't be undone."
      action={revokeApiKeyAction}
      fields={{ id }}
      cancelLabel="Keep key"
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
    />
  );
}
