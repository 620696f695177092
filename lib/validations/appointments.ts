// Schemas for booking, moving, cancelling, confirming and closing appointments (API routes and admin forms).
import { z } from "zod";

const idSchema = (what: string) =>
  z
    .string({ error: `${what} must be a string.` })
    .trim()
    .min(1, `${what} is required.`)
    .max(64);

/** An instant with an explicit offset, so "10:00" can never be read in the wrong time zone. */
const instantSchema = (what: string) =>
  z.iso
    .datetime({
      offset: true,
      error: `${what} must be an ISO 8601 date-time with offset, like 2025-12-04T15:30:00-05:00.`,
    })
    .transform((s) => new Date(s));

const MAX_APPOINTMENT_MINUTES = 12 * 60;

function checkTimes(v: { startsAt: Date; endsAt?: Date }, ctx: z.RefinementCtx) {
  // zod 4 runs object checks even after a field failed; then the times aren't Dates to compare.
  if (!(v.startsAt instanceof Date) || !(v.endsAt instanceof Date)) return;
  if (v.endsAt <= v.startsAt)
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "endsAt must be after startsAt." });
  else if (v.endsAt.getTime() - v.startsAt.getTime() > MAX_APPOINTMENT_MINUTES * 60_000) {
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "An appointment can last at most 12 hours." });
  }
}

/** POST /api/appointments. endsAt may be left out when the service has a duration. */
export const createAppointmentSchema = z
  .object({
    customerId: idSchema("customerId"),
    employeeId: idSchema("employeeId").optional(),
    serviceId: idSchema("serviceId").optional(),
    startsAt: instantSchema("startsAt"),
    endsAt: instantSchema("endsAt").optional(),
    notes: z.string().trim().max(2000, "Notes can be at most 2000 characters.").optional(),
  })
  .strict()
  .superRefine(checkTimes)
  .refine((v) => v.endsAt !== undefined || v.serviceId !== undefined, {
    path: ["endsAt"],
    message: "Give endsAt, or a serviceId whose duration sets it.",
  });

export type CreateAppointmentInput = z.infer<typeof createAppointmentSchema>;

export const rescheduleAppointmentSchema = z
  .object({
    action: z.literal("reschedule"),
    startsAt: instantSchema("startsAt"),
    endsAt: instantSchema("endsAt").optional(),
    /** Another stylist; left out, the appointment keeps its own. */
    employeeId: idSchema("employeeId").optional(),
  })
  .strict()
  .superRefine(checkTimes);

export type RescheduleAppointmentInput = z.infer<typeof rescheduleAppointmentSchema>;

/** PATCH /api/appointments/[id]: one explicit action, so a partial body can't half-apply. */
export const updateAppointmentSchema = z.discriminatedUnion(
  "action",
  [
    rescheduleAppointmentSchema,
    z.object({ action: z.literal("cancel") }).strict(),
    z.object({ action: z.literal("confirm") }).strict(),
    z.object({ action: z.literal("complete") }).strict(),
    z.object({ action: z.literal("no_show") }).strict(),
  ],
  { error: 'action must be "reschedule", "cancel", "confirm", "complete" or "no_show".' },
);

/** The calendar's URL state: /appointments?view=week&date=2026-12-07 (date in the salon's zone). */
export const calendarQuerySchema = z.object({
  view: z.enum(["day", "week", "list"]).default("day"),
  date: z
    .string()
    .regex(/^(19|20)\d{2}-\d{2}-\d{2}$/, "date must look like 2026-12-07.")
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "Not a real date.")
    .transform((s) => ({ year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)), day: Number(s.slice(8, 10)) }))
    .optional(),
});

export type CalendarView = z.output<typeof calendarQuerySchema>["view"];

/** A form's empty field is an absent one. */
const blankAsAbsent = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a date.");
const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Pick a time.");

/** The calendar's booking form: an existing customer, or a new one by name and phone. */
export const bookFromCalendarSchema = z
  .object({
    customerId: blankAsAbsent(idSchema("customerId")),
    newCustomerName: blankAsAbsent(z.string().trim().max(200)),
    newCustomerPhone: blankAsAbsent(z.string().trim().max(40)),
    serviceId: idSchema("Service"),
    employeeId: idSchema("Stylist"),
    startsAt: instantSchema("startsAt"),
  })
  .refine((v) => v.customerId || v.newCustomerPhone, {
    path: ["customerId"],
    message: "Choose a customer, or add a new one with a phone number.",
  });

/** The calendar's move form: a day and a wall time in the salon's zone, and a stylist. */
export const moveFromCalendarSchema = z.object({
  appointmentId: idSchema("appointmentId"),
  date: localDateSchema,
  time: localTimeSchema,
  employeeId: idSchema("Stylist"),
});

export const appointmentStatusChangeSchema = z.object({
  appointmentId: idSchema("appointmentId"),
  change: z.enum(["cancel", "confirm", "complete", "no_show"]),
});

export const customerSearchSchema = z.object({ q: z.string().trim().min(1).max(100) });

/** Free slots for the booking form: one service, one salon-local day, optionally one stylist. */
export const calendarSlotsSchema = z.object({
  serviceId: idSchema("Service"),
  employeeId: blankAsAbsent(idSchema("Stylist")),
  date: localDateSchema,
});
