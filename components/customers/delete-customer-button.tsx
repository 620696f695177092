"use client";
// Delete a customer who has no history; the server refuses (and the toast says why) when they do.
import { deleteCustomerAction } from "@/lib/customers/actions";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";

export function DeleteCustomerButton({ customerId }: { customerId: string }) {
  const { formAction, pending, onSubmit } = useActionForm(deleteCustomerAction);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm("Delete this customer? This can't be undone.")) e.preventDefault();
        else onSubmit(e);
      }}
    >
      <input type="hidden" name="customerId" value={customerId} />
      <Button type="submit" variant="ghost" size="sm" className="text-destructive" disabled={pending}>
        Delete customer
      </Button>
    </form>
  );
}
