import * as React from "react";
import { CircleAlertIcon } from "lucide-react";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

/** Props a field's control needs so its label, hint and error are announced with it. */
export type FieldControlProps = {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

type FormFieldProps = {
  label: React.ReactNode;
  name: string;
  /** Defaults to `field-<name>`; pass one when a form appears twice on a page. */
  id?: string;
  hint?: React.ReactNode;
  errors?: string[];
  className?: string;
  children: (control: FieldControlProps) => React.ReactNode;
};

/** A labelled control with an optional hint and the server's field errors underneath. */
function FormField({ label, name, id, hint, errors, className, children }: FormFieldProps) {
  const controlId = id ?? `field-${name}`;
  const error = errors?.[0];
  // The hint makes way for the error, so only the message on screen is referenced.
  const hintId = hint && !error ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = errorId ?? hintId;

  return (
    <div data-slot="form-field" className={cn("grid content-start gap-2", className)}>
      <Label htmlFor={controlId}>{label}</Label>
      {children({
        id: controlId,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
      })}
      {hintId && (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="flex items-center gap-1.5 text-sm text-destructive">
          <CircleAlertIcon className="size-3.5 shrink-0" aria-hidden />
          {error}
        </p>
      )}
    </div>
  );
}

/** A form-level message (e.g. "Email or password is incorrect."), announced when it appears. */
function FormMessage({ message, className }: { message?: string | null; className?: string }) {
  return (
    <div role="alert" aria-live="polite" className={cn(!message && "sr-only", className)}>
      {message && (
        <p className="flex items-start gap-2 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
          <CircleAlertIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
          {message}
        </p>
      )}
    </div>
  );
}

export { FormField, FormMessage };
