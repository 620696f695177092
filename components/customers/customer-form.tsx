"use client";
// Add or edit a customer. The phone may be typed any way; the server checks it with libphonenumber-js and
// says so on the field when another customer already has it, with a link to them.
import Link from "@/components/ui/link";
import { Loader2Icon } from "lucide-react";
import { createCustomerAction, updateCustomerAction } from "@/lib/customers/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";

type Values = { id: string; name: string | null; phone: string; email: string | null; notes: string | null; language: string | null };

// A native select: it posts "" for "not known yet", which Radix's Select can't offer as an item.
const selectClass =
  "h-9 w-full rounded-md border border-input bg-card px-2.5 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/40 disabled:opacity-50";

export function CustomerForm({ customer }: { customer?: Values }) {
  const { formAction, pending, onSubmit, fieldErrors } = useActionForm(customer ? updateCustomerAction : createCustomerAction);
  const existingId = fieldErrors?.existingCustomerId?.[0];
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="grid max-w-xl gap-4">
      {customer && <input type="hidden" name="customerId" value={customer.id} />}
      <FormField label="Name" name="name" errors={fieldErrors?.name}>
        {(f) => <Input {...f} defaultValue={customer?.name ?? ""} autoComplete="off" maxLength={120} required disabled={pending} />}
      </FormField>
      <FormField label="Mobile number" name="phone" hint="Any format: (415) 555-0123, 415.555.0123, +44 7700 900123." errors={fieldErrors?.phone}>
        {(f) => <Input {...f} type="tel" defaultValue={customer?.phone ?? ""} autoComplete="off" maxLength={64} required disabled={pending} />}
      </FormField>
      {existingId && (
        <p className="-mt-2 text-sm">
          <Link href={`/customers/${existingId}`} className="font-medium underline underline-offset-4">
            Open that customer
          </Link>
        </p>
      )}
      <FormField label="Email (optional)" name="email" errors={fieldErrors?.email}>
        {(f) => <Input {...f} type="email" defaultValue={customer?.email ?? ""} autoComplete="off" maxLength={254} disabled={pending} />}
      </FormField>
      <FormField
        label="Language"
        name="language"
        hint="What Bolt speaks and texts to them in. Set on its own when they press 9 on a call or write in Spanish."
        errors={fieldErrors?.language}
      >
        {(f) => (
          <select {...f} defaultValue={customer?.language ?? ""} disabled={pending} className={selectClass}>
            <option value="">Not known yet (English)</option>
            <option value="en">English</option>
            <option value="es">Spanish (español)</option>
          </select>
        )}
      </FormField>
      {!customer && (
        <FormField label="Notes (optional)" name="notes" hint="Only your salon's staff see these." errors={fieldErrors?.notes}>
          {(f) => <Textarea {...f} rows={3} maxLength={5000} disabled={pending} placeholder="For example: prefers Maria, allergic to ammonia." />}
        </FormField>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending && <Loader2Icon className="animate-spin" aria-hidden />}
          {customer ? "Save changes" : "Add customer"}
        </Button>
        <Button asChild variant="ghost">
          <Link href={customer ? `/customers/${customer.id}` : "/customers"}>Cancel</Link>
        </Button>
      </div>
    </form>
  );
}
