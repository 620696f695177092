"use client";
// A customer's notes, saved with a server action; a toast says it worked.
import { Loader2Icon } from "lucide-react";
import { updateCustomerNotesAction } from "@/lib/customers/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";

export function CustomerNotesForm({ customerId, notes, version }: { customerId: string; notes: string | null; version: string }) {
  const { formAction, pending, onSubmit, fieldErrors } = useActionForm(updateCustomerNotesAction);
  return (
    // Keyed by the saved version, so the box shows the notes as stored after a save.
    <form key={version} action={formAction} onSubmit={onSubmit} noValidate className="grid gap-3">
      <input type="hidden" name="customerId" value={customerId} />
      <FormField label="Notes" name="notes" hint="Only your salon's staff see these." errors={fieldErrors?.notes}>
        {(f) => <Textarea {...f} defaultValue={notes ?? ""} maxLength={5000} rows={4} disabled={pending} placeholder="Colour formula, favourite stylist, allergies…" />}
      </FormField>
      <Button type="submit" variant="outline" disabled={pending} className="w-fit">
        {pending && <Loader2Icon className="animate-spin" aria-hidden />}
        {pending ? "Saving…" : "Save notes"}
      </Button>
    </form>
  );
}
