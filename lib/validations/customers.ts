// Schemas for the customer book: the API's query and bodies, the admin forms (same schemas: a form's
// empty field reads as "not given" or "clear"), and the CSV import's rows.
import { z } from "zod";
import { paginationQuerySchema } from "@/lib/api/pagination";
import { LANGUAGES } from "@/lib/i18n/language";
import { normalizePhone } from "@/lib/phone";

/** A form's blank field is no value (null); the API may send null to clear a field. */
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

const customerNameSchema = z
  .string({ error: "Name must be text." })
  .trim()
  .min(1, "Enter the customer's name.")
  .max(120, "A name can be at most 120 characters.");

/** Any way people write a number ("(415) 555-0123", "+44 20 7946 0958") → E.164. */
const customerPhoneSchema = z
  .string({ error: "Phone must be text." })
  .trim()
  .min(1, "Enter a phone number.")
  .max(64, "That is not a phone number.")
  .transform((value, ctx) => {
    const e164 = normalizePhone(value);
    if (!e164) {
      ctx.addIssue({ code: "custom", message: "Enter a valid mobile number, like (415) 555-0123 or +44 7700 900123." });
      return z.NEVER;
    }
    return e164;
  });

// Stored lower-cased (the database's trigger does it too): nobody's mailbox depends on case.
const emailSchema = z.preprocess(
  blankToNull,
  z.email({ error: "Enter a valid email address." }).max(254, "An email can be at most 254 characters.").transform((v) => v.toLowerCase()).nullable(),
);

const notesSchema = z.preprocess(blankToNull, z.string().trim().max(5000, "Notes can be at most 5000 characters.").nullable());

/** The language Bolt speaks and texts to them in; null: not known yet (English until they choose). */
const languageSchema = z.preprocess(blankToNull, z.enum(LANGUAGES, { error: 'language must be "en", "es" or null.' }).nullable());

/** POST /api/customers and the Add customer form. */
export const createCustomerSchema = z
  .object({
    name: customerNameSchema,
    phone: customerPhoneSchema,
    email: emailSchema.optional(),
    notes: notesSchema.optional(),
    language: languageSchema.optional(),
  })
  .strict();
export type CreateCustomerInput = z.infer<typeof createCustomerSchema>;

/**
 * PATCH /api/customers/[id] and the edit form: only the fields given change. `smsConsent` may only turn
 * texts off (a customer who asks by phone); turning them back on is the customer's alone, by texting START.
 */
export const updateCustomerSchema = z
  .object({
    name: customerNameSchema.optional(),
    phone: customerPhoneSchema.optional(),
    email: emailSchema.optional(),
    notes: notesSchema.optional(),
    language: languageSchema.optional(),
    smsConsent: z.enum(["OPTED_IN", "OPTED_OUT"], { error: 'smsConsent must be "OPTED_IN" or "OPTED_OUT".' }).optional(),
  })
  .strict();
export type UpdateCustomerInput = z.infer<typeof updateCustomerSchema>;

/** The customer page's notes box. */
export const customerNotesSchema = z.object({ notes: notesSchema }).strict();

/** Where a page of the customer list starts: the last row's sort name (null: the unnamed ones) and id. */
export type CustomerCursor = { name: string | null; id: string };

export function encodeCustomerCursor(cursor: CustomerCursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id])).toString("base64url");
}

export function decodeCustomerCursor(value: string): CustomerCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [name, id] = parsed as unknown[];
    if (typeof id !== "string" || id.length === 0 || id.length > 64) return null;
    if (name !== null && (typeof name !== "string" || name.length > 200)) return null;
    return { name, id };
  } catch {
    // Malformed base64/JSON is simply "not a cursor"; reported as a validation error below.
    return null;
  }
}

const customerCursorSchema = z.string().max(400).transform((value, ctx) => {
  const cursor = decodeCustomerCursor(value);
  if (!cursor) {
    ctx.addIssue({ code: "custom", message: "Invalid cursor: pass the nextCursor of a previous page" });
    return z.NEVER;
  }
  return cursor;
});

/** GET /api/customers and the Customers page: `q` is a name (or its start), a phone in any format, or an email. */
export const listCustomersQuerySchema = paginationQuerySchema.extend({
  q: z.string().trim().max(100, "Search at most 100 characters.").optional().transform((v) => (v ? v : undefined)),
  cursor: customerCursorSchema.optional(),
});

/** The Customers page's searchParams (read by readSearchParams: a bad cursor is dropped, the list starts over). */
export const customersPageQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  cursor: customerCursorSchema.optional(),
});

/** POST /api/customers/[id]/merge: the other record, whose history moves to this one. */
export const mergeCustomersSchema = z.object({ mergeId: z.string().trim().min(1, "Choose the record to merge.").max(64) }).strict();

/** POST /api/customers/import's query: look first, then import; rows whose number is already a customer are updated or skipped. */
export const importCustomersQuerySchema = z
  .object({
    step: z.enum(["preview", "import"], { error: 'step must be "preview" or "import".' }).default("preview"),
    existing: z.enum(["update", "skip"], { error: 'existing must be "update" or "skip".' }).default("skip"),
  })
  .strict();
