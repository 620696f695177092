"use client";
// The reply box under a conversation: the text goes through the normal sending path (queued, tracked,
// quiet hours and quota apply). Ctrl/⌘+Enter sends. A customer who opted out can't be texted, and the
// box says so plainly instead of offering to try.
import { useState, type KeyboardEvent } from "react";
import { Loader2Icon, MessageSquareOffIcon, SendIcon } from "lucide-react";
import { replyToCustomerAction } from "@/lib/conversations/actions";
import { describeSegments } from "@/components/messages/segment-counter";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { composeSmsBody } from "@/lib/messaging/compose";
import { MAX_SMS_BODY_CHARS } from "@/lib/validations/messaging";

type Props = {
  customerId: string;
  salonName: string;
  /** Set when the customer texted STOP: "Ava opted out of texts on Nov 20. They can text START to opt back in." */
  optedOutNote: string | null;
};

export function ReplyBox({ customerId, salonName, optedOutNote }: Props) {
  const [body, setBody] = useState("");
  // One key per draft, made on the first keystroke (not at render, which would differ between server
  // and browser): a double click or a retry of the same draft sends one text.
  const [draftId, setDraftId] = useState("");
  const { state, formAction, pending, onSubmit, fieldErrors } = useActionForm(replyToCustomerAction);

  // A sent reply clears the box for the next one (adjusting state on a new result, not in an effect).
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    if (state?.ok) {
      setBody("");
      setDraftId("");
    }
  }

  if (optedOutNote) {
    return (
      <p
        role="status"
        className="flex items-start gap-2.5 rounded-lg border border-dashed bg-muted/40 px-3 py-3 text-sm text-muted-foreground"
      >
        <MessageSquareOffIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
        {optedOutNote}
      </p>
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  const error = fieldErrors?.body?.[0];
  const composed = body.trim() ? composeSmsBody({ salonName, body }) : "";
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="grid gap-2">
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="draftId" value={draftId} />
      <Label htmlFor="reply-body" className="sr-only">
        Reply
      </Label>
      <div className="flex items-end gap-2">
        <Textarea
          id="reply-body"
          name="body"
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            if (!draftId) setDraftId(crypto.randomUUID());
          }}
          onKeyDown={onKeyDown}
          maxLength={MAX_SMS_BODY_CHARS}
          rows={2}
          required
          disabled={pending}
          placeholder="Write a reply…"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "reply-error" : "reply-hint"}
          className="field-sizing-content max-h-48 min-h-10 resize-none"
        />
        <Button type="submit" disabled={pending || !body.trim()} aria-label="Send reply">
          {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <SendIcon aria-hidden />}
          <span className="hidden sm:inline">Send</span>
        </Button>
      </div>
      {error ? (
        <p id="reply-error" className="text-sm text-destructive">
          {error}
        </p>
      ) : (
        <p id="reply-hint" className="text-xs text-muted-foreground tabular-nums" aria-live="polite">
          {composed
            ? `${describeSegments(composed)} · starts with “${salonName}:”`
            : "Ctrl+Enter to send. Your reply starts with the salon's name."}
        </p>
      )}
    </form>
  );
}
