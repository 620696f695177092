"use client";
// "Text back" on a call's page: a prefilled text to the caller (a new caller included), sent through the
// normal sending path; on success the page moves to their conversation. A caller who texted STOP gets
// no form, just why. The draft gets a key on its first edit, so a double click sends once.
import { useState } from "react";
import { Loader2Icon, MessageSquareOffIcon, MessageSquareReplyIcon, SendIcon } from "lucide-react";
import { textCallerBackAction } from "@/lib/calls/actions";
import { describeSegments } from "@/components/messages/segment-counter";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { composeSmsBody } from "@/lib/messaging/compose";
import { MAX_SMS_BODY_CHARS } from "@/lib/validations/messaging";

type Props = { callId: string; salonName: string; callerName: string; phoneLabel: string; firstName: string | null; optedOut: boolean };

export function TextBackDialog({ callId, salonName, callerName, phoneLabel, firstName, optedOut }: Props) {
  const [body, setBody] = useState(`Hi${firstName ? ` ${firstName}` : ""}, sorry we missed your call! How can we help?`);
  const [draftId, setDraftId] = useState("");
  const { formAction, pending, onSubmit, fieldErrors } = useActionForm(textCallerBackAction);
  const error = fieldErrors?.body?.[0];
  const composed = body.trim() ? composeSmsBody({ salonName, body }) : "";
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="outline">
          <MessageSquareReplyIcon aria-hidden />
          Text back
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Text {callerName}</DialogTitle>
          <DialogDescription>To {phoneLabel}. Their reply shows up in Messages.</DialogDescription>
        </DialogHeader>
        {optedOut ? (
          <p role="status" className="flex items-start gap-2.5 rounded-lg border border-dashed bg-muted/40 px-3 py-3 text-sm text-muted-foreground">
            <MessageSquareOffIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
            {callerName} opted out of texts (they replied STOP), so Bolt can&apos;t text them. They can text START to opt back in; call them back instead.
          </p>
        ) : (
          <form action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3">
            <input type="hidden" name="callId" value={callId} />
            <input type="hidden" name="draftId" value={draftId} />
            <Label htmlFor="text-back-body">Message</Label>
            <Textarea
              id="text-back-body"
              name="body"
              value={body}
              onChange={(e) => {
                setBody(e.target.value);
                if (!draftId) setDraftId(crypto.randomUUID());
              }}
              maxLength={MAX_SMS_BODY_CHARS}
              rows={4}
              required
              disabled={pending}
              aria-invalid={error ? true : undefined}
              aria-describedby="text-back-hint"
            />
            <p id="text-back-hint" className={error ? "text-sm text-destructive" : "text-xs text-muted-foreground tabular-nums"} aria-live="polite">
              {error ?? (composed ? `${describeSegments(composed)} · starts with “${salonName}:”` : "Write the message.")}
            </p>
            <DialogFooter>
              <Button type="submit" disabled={pending || !body.trim()}>
                {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <SendIcon aria-hidden />}
                Send text
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
