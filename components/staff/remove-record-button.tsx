"use client";
// "Remove" with a confirmation, for a stylist or a service: the server deletes what was never booked and
// deactivates the rest, and the toast says which. Back to the list afterwards.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
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
  id: string;
  name: string;
  action: (prev: ActionResult, formData: FormData) => Promise<ActionResult>;
  /** Where to go once removed: the list. */
  listHref: string;
};

export function RemoveRecordButton({ id, name, action, listHref }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { state, formAction, pending, onSubmit } = useActionForm(action);
  const done = Boolean(state?.ok);
  useEffect(() => {
    if (done) router.push(listHref);
  }, [done, listHref, router]);

  return (
    <AlertDialog open={open && !done} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="outline" className="text-destructive hover:bg-destructive/10 hover:text-destructive">
          Remove<span className="sr-only"> {name}</span>
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <form action={formAction} onSubmit={onSubmit} className="grid gap-4">
          <input type="hidden" name="id" value={id} />
          <AlertDialogHeader>
            <AlertDialogTitle>Remove “{name}”?</AlertDialogTitle>
            <AlertDialogDescription>
              If there are appointments on the books, it is deactivated instead, so the history keeps it and
              nothing new can be booked.
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
