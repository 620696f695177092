"use client";
// Remove a member, after a confirmation that says what happens: they lose access and are signed out at once.
import { useState } from "react";
import { Loader2Icon } from "lucide-react";
import { removeMemberAction } from "@/lib/team/actions";
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

export function RemoveMemberButton({ userId, name }: { userId: string; name: string }) {
  const [open, setOpen] = useState(false);
  const { state, formAction, pending, onSubmit } = useActionForm(removeMemberAction);
  // Derived: a successful removal closes the dialog (the row is gone after the refresh).
  const isOpen = open && !state?.ok;

  return (
    <AlertDialog open={isOpen} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-destructive hover:bg-destructive/10 hover:text-destructive">
          Remove<span className="sr-only"> {name}</span>
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <form action={formAction} onSubmit={onSubmit} className="grid gap-4">
          <input type="hidden" name="userId" value={userId} />
          <AlertDialogHeader>
            <AlertDialogTitle>Remove {name} from the team?</AlertDialogTitle>
            <AlertDialogDescription>
              They lose access to the salon in Bolt and are signed out on every device right away. You can invite them again later.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel type="button">Keep</AlertDialogCancel>
            <Button type="submit" variant="destructive" disabled={pending}>
              {pending && <Loader2Icon className="animate-spin" aria-hidden />}
              {pending ? "Removing…" : "Remove"}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
