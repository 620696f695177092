// GET /api/availability: free start times for one service, optionally with one stylist, in a window.
import { z } from "zod";
import { resourceIdSchema } from "@/lib/validations/params";

/** The longest window one request may ask about: a month of a busy salon is a few thousand slots. */
const MAX_AVAILABILITY_DAYS = 31;
const DAY_MS = 86_400_000;

/** An instant with an explicit offset, so "10:00" can never be read in the wrong time zone. */
const instantSchema = (what: string) =>
  z.iso
    .datetime({ offset: true, error: `${what} must be an ISO 8601 date-time with offset, like 2026-12-08T09:00:00-05:00.` })
    .transform((s) => new Date(s));

export const availabilityQuerySchema = z
  .object({
    serviceId: resourceIdSchema,
    employeeId: resourceIdSchema.optional(),
    from: instantSchema("from"),
    to: instantSchema("to"),
  })
  .strict()
  .superRefine((v, ctx) => {
    // zod 4 runs object checks even after a field failed; then the times aren't Dates to compare.
    if (!(v.from instanceof Date) || !(v.to instanceof Date)) return;
    if (v.to <= v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "to must be after from." });
    else if (v.to.getTime() - v.from.getTime() > MAX_AVAILABILITY_DAYS * DAY_MS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `Ask for at most ${MAX_AVAILABILITY_DAYS} days at a time.` });
    }
  });

const freeSlotSchema = z.object({
  employeeId: z.string(),
  employeeName: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
});

/** The response body's `data`. */
export const availabilitySchema = z.object({
  serviceId: z.string(),
  durationMinutes: z.number().int(),
  timeZone: z.string(),
  slots: z.array(freeSlotSchema),
});
