// FormData → plain object for zod: repeated names become arrays, React's internal fields are dropped.
import type { z } from "zod";
import { safeParseInput } from "@/lib/api/text-input";

export function formDataToObject(
  formData: FormData,
): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  // Null prototype: a field named "__proto__" or "toString" is a field like any other, not a built-in.
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = Object.create(null);
  for (const key of new Set(formData.keys())) {
    // "$ACTION_ID_…" and friends are added by React for progressive enhancement; they are not input.
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key);
    out[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  return out;
}

/** The server actions' form reader: `schema.safeParse` of the form, a NUL or unpaired surrogate in a field refused as invalid. */
export function safeParseFormData<S extends z.ZodType>(schema: S, formData: FormData): z.ZodSafeParseResult<z.output<S>> {
  return safeParseInput(schema, formDataToObject(formData));
}
