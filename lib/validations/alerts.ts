// Settings → Alerts and the browser's push subscription: what a member may post.
import { z } from "zod";
import { ALERT_EVENTS } from "@/lib/alerts/events";
import { normalizePhone } from "@/lib/phone";
import { PHONE_ERROR } from "@/lib/validations/phone";
import { quietHoursFields, refineQuietHours } from "@/lib/validations/quiet-hours";

const QUIET_EXAMPLES = { start: "22:00", end: "07:00" };

// A checkbox group posts one value per ticked box, nothing when none is.
const eventList = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(ALERT_EVENTS, { error: "Unknown alert." })).transform((events) => [...new Set(events)]),
);

export const saveAlertPreferencesSchema = z
  .object({
    // Blank clears it (no text alerts); anything else must be a number texts can reach.
    phone: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const e164 = normalizePhone(v);
        if (e164 === null) ctx.addIssue({ code: "custom", message: PHONE_ERROR });
        return e164;
      }),
    sms: eventList,
    email: eventList,
    push: eventList,
    ...quietHoursFields(QUIET_EXAMPLES),
  })
  .superRefine((v, ctx) => {
    if (v.sms.length > 0 && !v.phone)
      ctx.addIssue({ code: "custom", path: ["phone"], message: "Add your phone number to get alerts by text." });
    refineQuietHours(v, ctx, QUIET_EXAMPLES);
  })
  .transform(({ quietHoursEnabled, quietHoursStart, quietHoursEnd, ...rest }) => ({
    ...rest,
    quietHours: quietHoursEnabled && quietHoursStart && quietHoursEnd ? { start: quietHoursStart, end: quietHoursEnd } : null,
  }));
export type SaveAlertPreferencesInput = z.output<typeof saveAlertPreferencesSchema>;

// A push service's endpoint is https in browsers; http is allowed for the local stand-in only when it is loopback.
const endpoint = z
  .url({ error: "endpoint must be a URL" })
  .max(2048)
  .refine((u) => u.startsWith("https://") || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(u), "endpoint must be an https URL");
const base64url = (len: { min: number; max: number }) => z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, "must be base64url").min(len.min).max(len.max);

/** PushSubscription.toJSON() as the browser gives it. */
export const pushSubscriptionSchema = z.object({
  endpoint,
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: base64url({ min: 80, max: 100 }), auth: base64url({ min: 16, max: 32 }) }),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

export const deletePushSubscriptionSchema = z.object({ endpoint });
