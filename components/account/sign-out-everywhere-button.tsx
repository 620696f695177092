"use client";
// "Sign out everywhere": ends every session of the user, this one included; the server redirects to /login.
import { LogOutIcon } from "lucide-react";
import { signOutEverywhereAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { ConfirmActionDialog } from "@/components/ui/confirm-action-dialog";

export function SignOutEverywhereButton() {
  return (
    <ConfirmActionDialog
      trigger={
        <Button variant="outline">
          <LogOutIcon aria-hidden />
          Sign out everywhere
        </Button>
      }
      title="Sign out everywhere?"
      description="Every browser signed in to your account is signed out, including this one. You'll need your password to sign back in."
      action={signOutEverywhereAction}
      cancelLabel="Stay signed in"
      confirmLabel="Sign out everywhere"
      pendingLabel="Signing out…"
    />
  );
}
