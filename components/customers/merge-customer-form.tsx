"use client";
// Merge a duplicate record of the same person into this one, named by its phone number.
import { Loader2Icon } from "lucide-react";
import { mergeCustomerAction } from "@/lib/customers/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";

export function MergeCustomerForm({ customerId }: { customerId: string }) {
  const { formAction, pending, onSubmit, fieldErrors } = useActionForm(mergeCustomerAction);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        // A merge can't be undone: the other record's history moves here for good.
        if (!window.confirm("Merge the other record into this customer? This can't be undone.")) e.preventDefault();
        else onSubmit(e);
      }}
      noValidate
      className="grid gap-3"
    >
      <input type="hidden" name="customerId" value={customerId} />
      <FormField
        label="The other record's phone number"
        name="phone"
        id="merge-phone"
        hint="Its appointments, calls and texts move here, and that number keeps finding this customer. If either record opted out of texts, texts stay off."
        errors={fieldErrors?.phone}
      >
        {(f) => <Input {...f} type="tel" maxLength={64} autoComplete="off" disabled={pending} />}
      </FormField>
      <Button type="submit" variant="outline" disabled={pending} className="w-fit">
        {pending && <Loader2Icon className="animate-spin" aria-hidden />}
        Merge into this customer
      </Button>
    </form>
  );
}
