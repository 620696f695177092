// Services: API bodies and queries, and the Services form. Prices are cents in the API; the form takes
// dollars as people write them ("45", "45.50", "$45").
import { z } from "zod";
import { paginationQuerySchema } from "@/lib/api/pagination";
import { resourceIdSchema } from "@/lib/validations/params";

const MAX_DURATION_MINUTES = 12 * 60;
const MAX_PRICE_CENTS = 10_000_00;

const serviceFields = {
  name: z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(100, "Use at most 100 characters."),
  /** Null or blank: listed under "Other". */
  category: z
    .string()
    .trim()
    .max(60, "Use at most 60 characters.")
    .nullish()
    .transform((v) => v || null),
  durationMinutes: z
    .number({ error: "durationMinutes must be a number of minutes." })
    .int("Use whole minutes.")
    .min(5, "A service lasts at least 5 minutes.")
    .max(MAX_DURATION_MINUTES, "A service lasts at most 12 hours."),
  priceCents: z
    .number({ error: "priceCents must be a number of cents." })
    .int("priceCents is a whole number of cents.")
    .min(0, "A price can't be negative.")
    .max(MAX_PRICE_CENTS, "A price can be at most $10,000."),
  active: z.boolean({ error: "active must be true or false." }).optional(),
  /** The employees who perform it (replaces the list). */
  employeeIds: z.array(resourceIdSchema).max(200, "Choose at most 200 employees.").optional(),
};

/** POST /api/services. */
export const createServiceSchema = z.object(serviceFields).strict();
export type CreateServiceInput = z.output<typeof createServiceSchema>;

/** PATCH /api/services/[id]: only the fields given change. */
export const updateServiceSchema = z.object(serviceFields).partial().strict();
export type UpdateServiceInput = z.output<typeof updateServiceSchema>;

/** GET /api/services: cursor pages, name/category search, active filter. */
export const listServicesQuerySchema = paginationQuerySchema
  .extend({
    q: z.string().trim().max(100, "q can be at most 100 characters.").optional(),
    active: z.enum(["true", "false"], { error: 'active must be "true" or "false".' }).transform((v) => v === "true").optional(),
  })
  .strict();
export type ListServicesQuery = z.output<typeof listServicesQuerySchema>;

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** "$45.50" → 4550; anything else is left for the schema to refuse. */
function centsFrom(value: string): number | string {
  const match = /^\$?\s*(\d{1,5})(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) return value;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}

/** A form value the preprocess could read as a number, or `message` on the field. */
const typedNumber = (message: string) =>
  z.unknown().transform((value, ctx) => {
    if (typeof value === "number") return value;
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  });

/** The Services form: minutes and dollars as typed, employees as repeated checkboxes. */
export const serviceFormSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object") return raw;
    const form = raw as Record<string, unknown>;
    const employeeIds = form.employeeIds;
    const minutes = text(form.durationMinutes).trim();
    return {
      id: text(form.id) || undefined,
      name: text(form.name),
      category: text(form.category),
      durationMinutes: /^\d+$/.test(minutes) ? Number(minutes) : minutes,
      priceCents: centsFrom(text(form.price)),
      active: form.active === "on" || form.active === "true",
      employeeIds: (Array.isArray(employeeIds) ? employeeIds.map(text) : employeeIds ? [text(employeeIds)] : []).filter(Boolean),
    };
  },
  createServiceSchema.extend({
    id: resourceIdSchema.optional(),
    durationMinutes: typedNumber("Enter the length in minutes, like 45.").pipe(serviceFields.durationMinutes),
    priceCents: typedNumber("Enter a price like 45 or 45.50.").pipe(serviceFields.priceCents),
  }),
);

/** One service as the API answers it (for the OpenAPI document; lib/services/queries.ts builds it). */
export const serviceResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  durationMinutes: z.number().int(),
  priceCents: z.number().int(),
  active: z.boolean(),
  employeeIds: z.array(z.string()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
