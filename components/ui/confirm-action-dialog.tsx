"use client";
// A consequential action behind a confirmation: the trigger opens an alert dialog whose form posts to a
// server action (hidden `fields` say what to act on). The dialog closes once the server says it is done,
// and `onDone` runs then (e.g. to leave a page whose record is gone); the result's toast comes from
// useActionForm. Remove a stylist or a team member, revoke an API key, sign out everywhere all use it.
import { useEffect, useState, type ReactNode } from "react";
import { Loader2Icon } from "lucide-react";
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
import type { ActionResult } from "@/lib/api/salon-action";

type Props = {
  /** The button that opens the dialog (rendered as the trigger's child). */
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  action: (prev: ActionResult, formData: FormData) => Promise<ActionResult>;
  fields?: Record<string, string>;
  cancelLabel: string;
  confirmLabel: string;
  pendingLabel: string;
  onDone?: () => void;
};

export function ConfirmActionDialog({
  trigger,
  title,
  description,
  action,
  fields = {},
  cancelLabel,
  confirmLabel,
  pendingLabel,
  onDone,
}: Props) {
  const [open, setOpen] = useState(false);
  const { state, formAction, pending, onSubmit } = useActionForm(action);
  const done = Boolean(state?.ok);
  useEffect(() => {
    if (done) onDone?.();
  }, [done, onDone]);

  return (
    // Derived rather than set in an effect: a success closes the dialog.
    <AlertDialog open={open && !done} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
      <AlertDialogContent>
        <form action={formAction} onSubmit={onSubmit} className="grid gap-4">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <AlertDialogHeader>
            <AlertDialogTitle>{title}</AlertDialogTitle>
            <AlertDialogDescription>{description}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel type="button">{cancelLabel}</AlertDialogCancel>
            <Button type="submit" variant="destructive" disabled={pending}>
              {pending && <Loader2Icon className="animate-spin" aria-hidden />}
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
