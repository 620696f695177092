"use client";
// "Get my number" (or "Try again" while pending), with an optional preferred area code.
import { Loader2Icon } from "lucide-react";
import { provisionNumberAction } from "@/lib/phone-numbers/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";

export function GetNumberForm({ label }: { label: string }) {
  const { formAction, pending, onSubmit, fieldErrors } = useActionForm(provisionNumberAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
      <FormField label="Preferred area code (optional)" name="areaCode" errors={fieldErrors?.areaCode} className="w-56">
        {(f) => <Input {...f} inputMode="numeric" maxLength={3} placeholder="415" />}
      </FormField>
      <Button type="submit" disabled={pending}>
        {pending && <Loader2Icon className="animate-spin" aria-hidden />}
        {label}
      </Button>
    </form>
  );
}
