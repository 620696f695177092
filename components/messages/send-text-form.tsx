"use client";
// The "Send text" form: recipient, message with a live segment count of exactly what will be sent
// (salon name in front, opt-out line on a customer's first text), then a toast linking to its status.
import { useEffect, useState } from "react";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { ArrowRightIcon, Loader2Icon, SendIcon } from "lucide-react";
import { toast } from "sonner";
import { sendTextAction, type SendTextResult } from "@/lib/messaging/actions";
import { RecipientPicker, type SelectedRecipient } from "@/components/messages/recipient-picker";
import { SegmentCounter } from "@/components/messages/segment-counter";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import { composeSmsBody } from "@/lib/messaging/compose";
import { MAX_SMS_BODY_CHARS } from "@/lib/validations/messaging";
import { cn } from "@/lib/utils";

export function SendTextForm({ salonName }: { salonName: string }) {
  const router = useRouter();
  const [recipient, setRecipient] = useState<SelectedRecipient | null>(null);
  const [body, setBody] = useState("");
  const { state, formAction, pending, onSubmit, fieldErrors } = useActionForm<SendTextResult>(
    sendTextAction,
    { toast: false },
  );

  // A sent text clears the form for the next one (adjusting state on a new result, not in an effect).
  const [seenState, setSeenState] = useState(state);
  // Fields changed since the last answer: their old error no longer applies.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  if (state !== seenState) {
    setSeenState(state);
    setEdited(new Set());
    if (state?.ok) {
      setRecipient(null);
      setBody("");
    }
  }

  useEffect(() => {
    if (!state) return;
    if (!state.ok) {
      toast.error(state.error);
      return;
    }
    const id = state.data?.notificationId;
    toast.success(state.message ?? "Text queued", {
      description: "It appears in Notifications as it moves to delivered.",
      action: id ? { label: "View", onClick: () => router.push(`/notifications/${id}`) } : undefined,
    });
  }, [state, router]);

  const firstText = recipient?.kind === "customer" && recipient.firstText;
  const composed = body.trim() ? composeSmsBody({ salonName, body, firstText }) : "";
  const formError = state && !state.ok && !fieldErrors ? state.error : null;
  const toError = edited.has("to") ? undefined : fieldErrors?.to?.[0];
  const bodyErrors = edited.has("body") ? undefined : fieldErrors?.body;
  const markEdited = (field: string) => !edited.has(field) && setEdited(new Set([...edited, field]));

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="grid gap-6">
      {state?.ok && state.data && (
        <p
          role="status"
          className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md border border-success/30 bg-success/5 px-3 py-2 text-sm"
        >
          {state.message}.
          <Link
            href={`/notifications/${state.data.notificationId}`}
            className="inline-flex items-center gap-1 font-medium text-primary underline-offset-4 hover:underline"
          >
            See its delivery status
            <ArrowRightIcon className="size-3.5" aria-hidden />
          </Link>
        </p>
      )}
      <FormMessage message={formError} />
      <Card>
        <CardHeader>
          <CardTitle>New text</CardTitle>
          <CardDescription>
            Goes out from your Bolt number right away (or after quiet hours end).
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <div className="grid gap-2">
            <Label htmlFor="field-to">To</Label>
            <RecipientPicker
              value={recipient}
              onChange={(value) => {
                setRecipient(value);
                markEdited("to");
              }}
              disabled={pending}
              invalid={Boolean(toError)}
              describedBy={toError ? "field-to-error" : "field-to-hint"}
            />
            {toError ? (
              <p id="field-to-error" className="text-sm text-destructive">
                {toError}
              </p>
            ) : (
              <p id="field-to-hint" className="text-xs text-muted-foreground">
                Customers and employees, by name or any part of their number.
              </p>
            )}
          </div>
          <FormField label="Message" name="body" errors={bodyErrors}>
            {(f) => (
              <Textarea
                {...f}
                aria-describedby={cn(f["aria-describedby"], "segment-counter")}
                value={body}
                onChange={(e) => {
                  setBody(e.target.value);
                  markEdited("body");
                }}
                maxLength={MAX_SMS_BODY_CHARS}
                required
                disabled={pending}
                rows={5}
                placeholder="Hi! We have an opening tomorrow at 2 PM — want it?"
                className="min-h-32"
              />
            )}
          </FormField>
          <SegmentCounter id="segment-counter" text={composed} />
          {composed && (
            <div className="grid gap-1.5">
              <p className="text-xs font-medium text-muted-foreground">What they&apos;ll receive</p>
              <p className="w-fit max-w-prose rounded-2xl rounded-bl-sm bg-accent px-4 py-2.5 text-sm whitespace-pre-wrap text-accent-foreground">
                {composed}
              </p>
            </div>
          )}
        </CardContent>
      </Card>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} className="w-full sm:w-auto">
          {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <SendIcon aria-hidden />}
          {pending ? "Sending…" : "Send text"}
        </Button>
      </div>
    </form>
  );
}
