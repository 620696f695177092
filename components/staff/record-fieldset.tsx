// The fields of a stylist's or a service's form: disabled while saving, and for staff read-only but
// legible (not greyed out like a busy form); the record's id rides along, and a form-level error on top.
import type { ReactNode } from "react";
import { FormMessage } from "@/components/ui/form-field";
import { cn } from "@/lib/utils";

type Props = { legend: string; id?: string; readOnly: boolean; pending: boolean; formError: string | null; children: ReactNode };

export function RecordFieldset({ legend, id, readOnly, pending, formError, children }: Props) {
  return (
    <fieldset
      disabled={readOnly || pending}
      className={cn(
        "grid gap-6",
        readOnly && "[&_input:disabled]:cursor-default [&_input:disabled]:bg-muted [&_input:disabled]:opacity-100",
      )}
    >
      <legend className="sr-only">{legend}</legend>
      {id && <input type="hidden" name="id" value={id} />}
      <FormMessage message={formError} />
      {children}
    </fieldset>
  );
}
