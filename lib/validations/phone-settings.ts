// Settings → Phone & hours: what callers hear and texters get back, when the salon is open, and where
// calls are forwarded. `updatePhoneSettingsSchema` is the domain input; `phoneSettingsFormSchema`
// reads the settings form (one checkbox and numbered time inputs per day) into it.
import { z } from "zod";
import { businessHoursSchema, closingTimeFromInput, DAY_KEYS } from "@/lib/salons/business-hours";
import { clearablePhoneSchema } from "@/lib/validations/phone";

export const MAX_GREETING_CHARS = 300;
export const MAX_AUTO_REPLY_CHARS = 300;
export const MAX_BOOKING_INSTRUCTIONS_CHARS = 500;
/** Opening periods per day the form offers (the stored schema allows up to 6). */
export const MAX_FORM_PERIODS = 3;

/** Blank clears the field (the engine then uses its default wording). */
const clearableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .nullable()
    .transform((v) => (v ? v : null));

export const updatePhoneSettingsSchema = z
  .object({
    greeting: clearableText(MAX_GREETING_CHARS),
    autoReply: clearableText(MAX_AUTO_REPLY_CHARS),
    /** What Spanish-speaking callers and texters get (blank: Bolt's Spanish default). */
    greetingEs: clearableText(MAX_GREETING_CHARS),
    autoReplyEs: clearableText(MAX_AUTO_REPLY_CHARS),
    bookingInstructions: clearableText(MAX_BOOKING_INSTRUCTIONS_CHARS),
    forwardingPhone: clearablePhoneSchema,
    businessHours: businessHoursSchema,
  })
  .strict();
export type UpdatePhoneSettingsInput = z.output<typeof updatePhoneSettingsSchema>;

/** Form field names for a day's "open" checkbox and its periods, shared by the form and the schema. */
export const hoursFieldName = {
  open: (day: string) => `hours.${day}.open`,
  time: (day: string, index: number, edge: "open" | "close") => `hours.${day}.${index}.${edge}`,
};

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/**
 * The posted hours fields → `{ mon: [{ open, close }], … }` (the Staff form posts the same fields). A day
 * ticked open with every time left blank becomes one blank period, so the owner sees "Use a 24-hour
 * time…" on it instead of the day silently turning closed.
 */
export function hoursFromForm(form: Record<string, unknown>): Record<string, Array<{ open: string; close: string }>> {
  const hours: Record<string, Array<{ open: string; close: string }>> = {};
  for (const day of DAY_KEYS) {
    const open = form[hoursFieldName.open(day)];
    if (open !== "on" && open !== "true") {
      hours[day] = [];
      continue;
    }
    const periods: Array<{ open: string; close: string }> = [];
    for (let i = 0; i < MAX_FORM_PERIODS; i++) {
      const from = text(form[hoursFieldName.time(day, i, "open")]);
      const to = text(form[hoursFieldName.time(day, i, "close")]);
      if (from || to) periods.push({ open: from, close: closingTimeFromInput(to) });
    }
    hours[day] = periods.length ? periods : [{ open: "", close: "" }];
  }
  return hours;
}

/** The posted form → `{ greeting, …, businessHours: { mon: [{ open, close }], … } }`. */
function fromForm(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const form = raw as Record<string, unknown>;
  return {
    greeting: text(form.greeting),
    autoReply: text(form.autoReply),
    greetingEs: text(form.greetingEs),
    autoReplyEs: text(form.autoReplyEs),
    bookingInstructions: text(form.bookingInstructions),
    forwardingPhone: text(form.forwardingPhone).trim(),
    businessHours: hoursFromForm(form),
  };
}

export const phoneSettingsFormSchema = z.preprocess(fromForm, updatePhoneSettingsSchema);
