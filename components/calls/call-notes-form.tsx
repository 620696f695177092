"use client";
// Staff notes on a call, saved with a server action; a toast says it worked.
import { Loader2Icon } from "lucide-react";
import { updateCallNotesAction } from "@/lib/calls/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";

const MAX_NOTES = 2000;
export function CallNotesForm({
  callId,
  notes,
  version,
}: {
  callId: string;
  notes: string | null;
  version: string;
}) {
  const { formAction, pending, onSubmit, fieldErrors } = useActionForm(updateCallNotesAction);

  return (
    // Keyed by the saved version, so the box shows the notes as stored (trimmed) after a save.
    <form key={version} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3">
      <input type="hidden" name="callId" value={callId} />
      <FormField
        label="Notes"
        name="notes"
        hint="Only your salon's staff see these."
        errors={fieldErrors?.notes}
      >
        {(f) => (
          <Textarea
            {...f}
            defaultValue={notes ?? ""}
            maxLength={MAX_NOTES}
            rows={4}
            disabled={pending}
            placeholder="For example: called back, booked a cut for Friday at 2."
            className="min-h-28"
          />
        )}
      </FormField>
      <Button type="submit" variant="outline" disabled={pending} className="w-fit">
        {pending && <Loader2Icon className="animate-spin" aria-hidden />}
        {pending ? "Saving…" : "Save notes"}
      </Button>
    </form>
  );
}
