// Quiet hours as the settings forms post them (Settings → Messaging for the salon's customers, Settings →
// Alerts for a member's own): a switch and two times, both required only when the switch is on.
import { z } from "zod";

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

// A checkbox posts "on" when ticked and nothing when not.
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** The example times each form's messages give ("like 21:00"). */
type Examples = { start: string; end: string };

const timeOfDay = (label: string, example: string) =>
  z
    .string({ error: `Enter a ${label} time.` })
    .trim()
    .regex(TIME_OF_DAY, `Enter a ${label} time, like ${example}.`);

/** The three fields; disabled inputs aren't posted, so the times are optional here and required by refineQuietHours. */
export function quietHoursFields(examples: Examples) {
  return {
    quietHoursEnabled: checkbox,
    quietHoursStart: timeOfDay("start", examples.start).optional(),
    quietHoursEnd: timeOfDay("end", examples.start).optional(),
  };
}

type QuietHoursInput = { quietHoursEnabled: boolean; quietHoursStart?: string; quietHoursEnd?: string };

/** With quiet hours on: both times, and not the same one. */
export function refineQuietHours(v: QuietHoursInput, ctx: z.RefinementCtx, examples: Examples): void {
  if (!v.quietHoursEnabled) return;
  if (!v.quietHoursStart) ctx.addIssue({ code: "custom", path: ["quietHoursStart"], message: `Enter a start time, like ${examples.start}.` });
  if (!v.quietHoursEnd) ctx.addIssue({ code: "custom", path: ["quietHoursEnd"], message: `Enter an end time, like ${examples.end}.` });
  if (v.quietHoursStart && v.quietHoursStart === v.quietHoursEnd)
    ctx.addIssue({ code: "custom", path: ["quietHoursEnd"], message: "Quiet hours must end at a different time than they start." });
}
