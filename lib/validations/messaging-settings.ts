// Settings → Messaging: reminder offsets, quiet hours, automatic confirmations and the monthly text
// limit. The form speaks hours and checkboxes; the schema turns them into the Salon columns.
import { z } from "zod";
import { checkbox, quietHoursFields, refineQuietHours } from "@/lib/validations/quiet-hours";

export const MAX_REMINDERS = 5;
/** Two weeks: the furthest ahead a reminder may go out. */
export const MAX_REMINDER_HOURS = 336;
const MAX_MONTHLY_QUOTA = 100_000;

const QUIET_EXAMPLES = { start: "21:00", end: "08:00" };

/** One "hours before" box: 24, 2, 0.5 (30 minutes) — quarter hours at most, so minutes stay whole. */
const reminderHours = z.coerce
  .number({ error: "Enter hours as a number, like 24." })
  .min(0.25, "A reminder must go out at least 15 minutes before.")
  .max(MAX_REMINDER_HOURS, `A reminder can go out at most ${MAX_REMINDER_HOURS} hours (two weeks) before.`)
  .refine((h) => Number.isInteger(h * 4), "Use whole or quarter hours, like 2 or 1.5.");

export const updateMessagingSettingsSchema = z
  .object({
    // Repeated field; blank rows (added, then left empty) are ignored.
    reminderOffsetHours: z.preprocess(
      (v) =>
        (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
          (s) => typeof s !== "string" || s.trim() !== "",
        ),
      z.array(reminderHours).max(MAX_REMINDERS, `Up to ${MAX_REMINDERS} reminders per appointment.`),
    ),
    ...quietHoursFields(QUIET_EXAMPLES),
    autoConfirm: checkbox,
    monthlySmsQuota: z.coerce
      .number({ error: "Enter the monthly limit as a number." })
      .int("Enter a whole number of texts.")
      .min(1, "Allow at least 1 text a month.")
      .max(MAX_MONTHLY_QUOTA, `The limit can be at most ${MAX_MONTHLY_QUOTA.toLocaleString("en-US")} texts.`),
  })
  .superRefine((v, ctx) => {
    const hours = v.reminderOffsetHours;
    if (new Set(hours).size !== hours.length) {
      ctx.addIssue({
        code: "custom",
        path: ["reminderOffsetHours"],
        message: "Each reminder needs a different time.",
      });
    }
    refineQuietHours(v, ctx, QUIET_EXAMPLES);
  })
  .transform((v) => ({
    reminderOffsetsMinutes: [...new Set(v.reminderOffsetHours.map((h) => Math.round(h * 60)))].sort(
      (a, b) => b - a,
    ),
    // Equal start and end means "no quiet hours" to the sender (lib/messaging/quiet-hours.ts).
    quietHoursStart: (v.quietHoursEnabled && v.quietHoursStart) || "00:00",
    quietHoursEnd: (v.quietHoursEnabled && v.quietHoursEnd) || "00:00",
    autoConfirm: v.autoConfirm,
    monthlySmsQuota: v.monthlySmsQuota,
  }));

export type UpdateMessagingSettingsInput = z.output<typeof updateMessagingSettingsSchema>;
