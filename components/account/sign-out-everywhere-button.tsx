"use client";
// "Sign out everywhere": ends every session of the user, this one included; the server redirects to /login.
import { Loader2Icon, LogOutIcon } from "lucide-react";
import { signOutEverywhereAction } from "@/lib/auth/actions";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";

export function SignOutEverywhereButton() {
  const { formAction, pending, onSubmit } = useActionForm(signOutEverywhereAction);

  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="outline">
          <LogOutIcon aria-hidden />
          Sign out everywhere
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <form action={formAction} onSubmit={onSubmit} className="grid gap-4">
          <AlertDialogHeader>
            <AlertDialogTitle>Sign out everywhere?</AlertDialogTitle>
            <AlertDialogDescription>
              Every browser signed in to your account is signed out, including this one. You&apos;ll need
              your password to sign back in.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel type="button">Stay signed in</AlertDialogCancel>
            <Button type="submit" variant="destructive" disabled={pending}>
              {pending && <Loader2Icon className="animate-spin" aria-hidden />}
              {pending ? "Signing out…" : "Sign out everywhere"}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
