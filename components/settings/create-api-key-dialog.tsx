"use client";

import { useState } from "react";
import { Loader2Icon, PlusIcon, TriangleAlertIcon } from "lucide-react";
import { createApiKeyAction } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
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

function NewKeyShownOnce({ name, plaintextKey }: { name: string; plaintextKey: string }) {
  return (
    <>
      <DialogHeader>
        <DialogTitle>Copy your new key</DialogTitle>
        <DialogDescription>
          “{name}” is ready. Paste it into the app that will connect to Bolt.
        </DialogDescription>
      </DialogHeader>
      <div className="grid gap-3">
        <code
          aria-label="New API key"
          className="block rounded-md border bg-muted px-3 py-2.5 font-mono text-sm break-all select-all"
        >
          {plaintextKey}
        </code>
        <p className="flex items-start gap-2 rounded-md bg-warning/10 px-3 py-2 text-sm">
          <TriangleAlertIcon className="mt-0.5 size-4 shrink-0 text-warning-foreground" aria-hidden />
          This is the only time the key is shown. If you lose it, revoke it and create a new one.
        </p>
      </div>
      <DialogFooter>
        <CopyButton value={plaintextKey} label="Copy key" />
        <DialogClose asChild>
          <Button>Done</Button>
        </DialogClose>
      </DialogFooter>
    </>
  );
}

function CreateKeyForm() {
  const { state, formAction, pending, onSubmit, fieldErrors } = useActionForm(createApiKeyAction);
  if (state?.ok && state.data) return <NewKeyShownOnce {...state.data} />;
  const formError = state && !state.ok && !fieldErrors ? state.error : null;

  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-5" noValidate>
      <DialogHeader>
        <DialogTitle>Create an API key</DialogTitle>
        <DialogDescription>
          For your website, booking system or another tool that connects to Bolt.
        </DialogDescription>
      </DialogHeader>
      <FormMessage message={formError} />
      <FormField
        label="Name"
        name="name"
        hint="So you can tell keys apart, like “Booking website”."
        errors={fieldErrors?.name}
      >
        {(f) => <Input {...f} maxLength={80} required autoFocus />}
      </FormField>
      <FormField label="Access" name="role" errors={fieldErrors?.role}>
        {({ id, ...f }) => (
          <Select name={f.name} defaultValue="OWNER">
            <SelectTrigger id={id} aria-invalid={f["aria-invalid"]} aria-describedby={f["aria-describedby"]}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="OWNER">Full access (owner)</SelectItem>
              <SelectItem value="STAFF">Staff: read and send texts</SelectItem>
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
          {pending ? "Creating…" : "Create key"}
        </Button>
      </DialogFooter>
    </form>
  );
}

/** "Create key" button and dialog; the new key is shown once, with a copy button. */
// Lives in the page header, never inside the list: the list re-renders when the key is created, and the
// dialog showing the key must survive that.
export function CreateApiKeyDialog() {
  const [open, setOpen] = useState(false);
  // A fresh form (and action state) each time the dialog opens, so an old key is never shown again.
  const [session, setSession] = useState(0);

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setSession((n) => n + 1);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <PlusIcon aria-hidden />
          Create key
        </Button>
      </DialogTrigger>
      <DialogContent>
        <CreateKeyForm key={session} />
      </DialogContent>
    </Dialog>
  );
}
