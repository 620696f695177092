// Employees (stylists): API bodies and queries, and the Staff form. Working hours use the salon's
// hours schema (several periods a day; a break is the gap); time off is a list of [startsAt, endsAt).
import { z } from "zod";
import { paginationQuerySchema } from "@/lib/api/pagination";
import { businessHoursSchema } from "@/lib/salons/business-hours";
import { resourceIdSchema } from "@/lib/validations/params";
import { clearablePhoneSchema } from "@/lib/validations/phone";
import { hoursFromForm } from "@/lib/validations/phone-settings";

const MAX_NAME = 100;
const MAX_TIME_OFF = 100;

const nameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(MAX_NAME, `Use at most ${MAX_NAME} characters.`);

/** Blank or null clears it. */
const clearableEmailSchema = z.union([
  z.literal("").transform(() => null),
  z.null(),
  z.email({ error: "Enter an email address like name@example.com." }).trim().toLowerCase().max(254),
]);

const instantSchema = (what: string) =>
  z.iso
    .datetime({ offset: true, error: `${what} must be an ISO 8601 date-time with offset, like 2026-12-24T00:00:00-05:00.` })
    .transform((s) => new Date(s));

export const timeOffSchema = z
  .object({
    startsAt: instantSchema("startsAt"),
    endsAt: instantSchema("endsAt"),
    note: z.string().trim().max(200, "Use at most 200 characters.").nullish(),
  })
  .strict()
  .refine((v) => !(v.startsAt instanceof Date && v.endsAt instanceof Date) || v.endsAt > v.startsAt, {
    path: ["endsAt"],
    message: "Time off must end after it starts.",
  });
export type TimeOffInput = z.output<typeof timeOffSchema>;

const employeeFields = {
  name: nameSchema,
  phone: clearablePhoneSchema.optional(),
  email: clearableEmailSchema.optional(),
  active: z.boolean({ error: "active must be true or false." }).optional(),
  /** Left out on create: the salon's opening hours. */
  workingHours: businessHoursSchema.optional(),
  serviceIds: z.array(resourceIdSchema).max(200, "Choose at most 200 services.").optional(),
  /** Replaces the employee's time off. */
  timeOff: z.array(timeOffSchema).max(MAX_TIME_OFF, `Use at most ${MAX_TIME_OFF} periods of time off.`).optional(),
};

/** POST /api/employees. */
export const createEmployeeSchema = z.object(employeeFields).strict();
export type CreateEmployeeInput = z.output<typeof createEmployeeSchema>;

/** PATCH /api/employees/[id]: only the fields given change. */
export const updateEmployeeSchema = z.object(employeeFields).partial().strict();
export type UpdateEmployeeInput = z.output<typeof updateEmployeeSchema>;

/** GET /api/employees: cursor pages, name/phone/email search, active filter. */
export const listEmployeesQuerySchema = paginationQuerySchema
  .extend({
    q: z.string().trim().max(100, "q can be at most 100 characters.").optional(),
    active: z.enum(["true", "false"], { error: 'active must be "true" or "false".' }).transform((v) => v === "true").optional(),
  })
  .strict();
export type ListEmployeesQuery = z.output<typeof listEmployeesQuerySchema>;

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(text) : value ? [text(value)] : []);

/** The Staff form: the same fields, hours as the hours editor posts them, services as repeated checkboxes. */
export const employeeFormSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object") return raw;
    const form = raw as Record<string, unknown>;
    return {
      id: text(form.id) || undefined,
      name: text(form.name),
      phone: text(form.phone).trim(),
      email: text(form.email).trim(),
      active: form.active === "on" || form.active === "true",
      workingHours: hoursFromForm(form),
      serviceIds: list(form.serviceIds).filter(Boolean),
    };
  },
  createEmployeeSchema.extend({ id: resourceIdSchema.optional() }),
);

const dateSchema = z.iso.date({ error: "Choose a date." });

/** "Add time off" on the Staff page: whole days, first to last (inclusive), in the salon's time zone. */
export const timeOffFormSchema = z
  .object({
    employeeId: resourceIdSchema,
    from: dateSchema,
    to: dateSchema,
    note: z.string().trim().max(200, "Use at most 200 characters.").optional(),
  })
  .refine((v) => v.to >= v.from, { path: ["to"], message: "The last day can't be before the first." });

export const removeTimeOffSchema = z.object({ employeeId: resourceIdSchema, id: resourceIdSchema });

/** One employee as the API answers it (for the OpenAPI document; lib/employees/employee-json.ts builds it). */
export const employeeResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
  workingHours: businessHoursSchema,
  serviceIds: z.array(z.string()),
  timeOff: z.array(z.object({ id: z.string(), startsAt: z.iso.datetime(), endsAt: z.iso.datetime(), note: z.string().nullable() })),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** DELETE's answer for an employee or a service: removed, or kept inactive because it was booked. */
export const removalResponseSchema = z.object({ id: z.string(), outcome: z.enum(["deleted", "deactivated"]) });
