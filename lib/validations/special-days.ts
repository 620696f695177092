// Closures and holiday hours (Settings → Phone & hours, /api/salon/special-days): one local date,
// closed all day or open in its own periods, with an optional label. "Not in the past" needs the
// salon's zone and clock, so lib/salons/special-days-queries.ts checks it.
import { z } from "zod";
import { closingTimeFromInput, daySchema } from "@/lib/salons/business-hours";
import { resourceIdSchema } from "@/lib/validations/params";

const MAX_LABEL = 60;

export const saveSpecialDaySchema = z
  .object({
    date: z.iso.date({ error: "Choose a date." }),
    closed: z.boolean({ error: "Say whether you're closed all day or open different hours." }),
    /** Ignored when closed. */
    periods: daySchema,
    label: z
      .string()
      .trim()
      .max(MAX_LABEL, `Use at most ${MAX_LABEL} characters.`)
      .nullish()
      .transform((label) => label || null),
  })
  .strict()
  .refine((v) => v.closed || v.periods.length > 0, { path: ["periods"], message: "Add the hours you're open that day, or mark it closed." })
  .transform((v) => ({ date: v.date, periods: v.closed ? [] : v.periods, label: v.label }));
export type SaveSpecialDayInput = z.output<typeof saveSpecialDaySchema>;

/** The settings form: a date, "closed" or "hours", up to MAX_FORM_PERIODS open/close pairs (blank rows ignored), a label. */
export const MAX_FORM_PERIODS = 2;

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

function fromForm(value: unknown): unknown {
  const form = (value ?? {}) as Record<string, unknown>;
  const periods = Array.from({ length: MAX_FORM_PERIODS }, (_, i) => ({ open: text(form[`open${i}`]), close: text(form[`close${i}`]) }))
    .filter((p) => p.open || p.close)
    .map((p) => ({ open: p.open, close: closingTimeFromInput(p.close) }));
  return { date: text(form.date), closed: form.kind !== "hours", periods, label: text(form.label) };
}

export const specialDayFormSchema = z.preprocess(fromForm, saveSpecialDaySchema);

export const deleteSpecialDayFormSchema = z.object({ id: resourceIdSchema });
