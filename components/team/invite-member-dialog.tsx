"use client";
// "Invite" on Settings → Team (owners): an address and a role; the link goes out by e-mail.
import { useState } from "react";
import { Loader2Icon, UserPlusIcon } from "lucide-react";
import { inviteMemberAction } from "@/lib/team/actions";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useActionForm } from "@/components/ui/use-action-form";

function InviteSent({ message }: { message?: string }) {
  return (
    <>
      <DialogHeader>
        <DialogTitle>Invitation sent</DialogTitle>
        <DialogDescription>{message} It shows under Pending invitations until it is accepted.</DialogDescription>
      </DialogHeader>
      <DialogFooter>
        <DialogClose asChild>
          <Button>Done</Button>
        </DialogClose>
      </DialogFooter>
    </>
  );
}

function InviteForm() {
  const { state, formAction, pending, onSubmit, fieldErrors } = useActionForm(inviteMemberAction);
  if (state?.ok) return <InviteSent message={state.message} />;
  const formError = state && !state.ok && !fieldErrors ? state.error : null;

  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-5" noValidate>
      <DialogHeader>
        <DialogTitle>Invite someone to the team</DialogTitle>
        <DialogDescription>They get an e-mail with a link to set up their login. It works for a week.</DialogDescription>
      </DialogHeader>
      <FormMessage message={formError} />
      <FormField label="Email" name="email" errors={fieldErrors?.email}>
        {(f) => <Input {...f} type="email" autoComplete="off" inputMode="email" required autoFocus />}
      </FormField>
      <FormField label="Role" name="role" errors={fieldErrors?.role}>
        {({ id, ...f }) => (
          <Select name={f.name} defaultValue="STAFF">
            <SelectTrigger id={id} aria-invalid={f["aria-invalid"]} aria-describedby={f["aria-describedby"]}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="STAFF">Staff: calls, texts, customers and appointments</SelectItem>
              <SelectItem value="OWNER">Owner: also settings, billing and the team</SelectItem>
            </SelectContent>
          </Select>
        )}
      </FormField>
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="outline">
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" disabled={pending}>
          {pending && <Loader2Icon className="animate-spin" aria-hidden />}
          {pending ? "Sending…" : "Send invitation"}
        </Button>
      </DialogFooter>
    </form>
  );
}

export function InviteMemberDialog() {
  const [open, setOpen] = useState(false);
  // A fresh form each time the dialog opens. Lives in the page header, outside the lists that refresh.
  const [round, setRound] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setRound((n) => n + 1);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <UserPlusIcon aria-hidden />
          Invite
        </Button>
      </DialogTrigger>
      <DialogContent>
        <InviteForm key={round} />
      </DialogContent>
    </Dialog>
  );
}
