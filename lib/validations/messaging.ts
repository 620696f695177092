// Schemas for sending texts and listing notifications: shared by the telephony API routes,
// the admin "Send text" form and the notifications table.
import { z } from "zod";
import { e164PhoneSchema } from "@/lib/validations/phone";
import { paginationQuerySchema } from "@/lib/api/pagination";

export const MAX_SMS_BODY_CHARS = 1600;

const idSchema = (what: string) =>
  z
    .string({ error: `${what} must be a string.` })
    .trim()
    .min(1, `${what} is required.`)
    .max(64);

export const smsBodySchema = z
  .string({ error: "Write the message." })
  .trim()
  .min(1, "Write the message.")
  .max(MAX_SMS_BODY_CHARS, `A text can be at most ${MAX_SMS_BODY_CHARS} characters.`);

/** POST /api/telephony/sms: exactly one recipient — a customer, an employee, or an E.164 number. */
export const sendSmsSchema = z
  .object({
    customerId: idSchema("customerId").optional(),
    employeeId: idSchema("employeeId").optional(),
    phone: e164PhoneSchema.optional(),
    body: smsBodySchema,
  })
  .strict()
  .refine((v) => [v.customerId, v.employeeId, v.phone].filter((x) => x !== undefined).length === 1, {
    message: "Give exactly one recipient: customerId, employeeId or phone.",
    path: ["to"],
  });

export type SendSmsRequest = z.infer<typeof sendSmsSchema>;
export type SmsRecipient = { customerId: string } | { employeeId: string } | { phone: string };

export function recipientOf(input: SendSmsRequest): SmsRecipient {
  if (input.customerId) return { customerId: input.customerId };
  if (input.employeeId) return { employeeId: input.employeeId };
  if (input.phone) return { phone: input.phone };
  // The schema's refine guarantees one of the three; reaching here is a bug, not bad input.
  throw new Error("sendSmsSchema admitted a request without a recipient");
}

/** POST /api/telephony/appointment-confirmation and /appointment-reminder. */
export const appointmentMessageSchema = z.object({ appointmentId: idSchema("appointmentId") }).strict();

/** The page's "Send reminder" form: repeatAfter names the recent reminder staff confirmed sending another after. */
export const appointmentReminderFormSchema = appointmentMessageSchema.extend({ repeatAfter: idSchema("repeatAfter").optional() });

/** The Idempotency-Key header: what a client uses to retry a POST safely. */
const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1, "Idempotency-Key must not be empty.")
  .max(200, "Idempotency-Key can be at most 200 characters.")
  .regex(/^[\x21-\x7e]+$/, "Idempotency-Key must be printable ASCII without spaces.")
  .optional();

/**
 * Reads and validates the header (an invalid key is a 422 like any other field). The key comes back
 * namespaced by endpoint ("api:<path>:<key>"): a client's key never matches the keys Bolt derives
 * itself ("reminder:…"), and one key reused on another endpoint is that endpoint's own request
 * instead of replaying an unrelated earlier result.
 */
export function readIdempotencyKey(req: Request): string | undefined {
  const raw = req.headers.get("idempotency-key");
  const parsed = idempotencyKeySchema.safeParse(raw ?? undefined);
  if (!parsed.success) {
    throw new z.ZodError(parsed.error.issues.map((i) => ({ ...i, path: ["Idempotency-Key", ...i.path] })));
  }
  return parsed.data === undefined ? undefined : `api:${new URL(req.url).pathname}:${parsed.data}`;
}

const STATUSES = ["QUEUED", "SENDING", "SENT", "DELIVERED", "UNDELIVERED", "FAILED", "CANCELED"] as const;
const CHANNELS = ["SMS", "EMAIL"] as const;
const KINDS = [
  "CUSTOM",
  "CONFIRMATION",
  "REMINDER",
  "AUTO_REPLY",
  "MISSED_CALL",
  "KEYWORD_REPLY",
  "APPOINTMENT_REPLY",
  "BOOKING_INFO",
  "EMPLOYEE_BOOKING",
  "STAFF_ALERT",
  "WAITLIST_OFFER",
  "MEMBER_ALERT",
] as const;

/** Accepts `?status=FAILED`, `?status=FAILED,UNDELIVERED` or a repeated parameter; case-insensitive. */
function enumList<T extends readonly [string, ...string[]]>(name: string, values: T) {
  return z.union([z.string(), z.array(z.string())]).transform((v, ctx) => {
    const items = (Array.isArray(v) ? v : [v])
      .flatMap((s) => s.split(","))
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    const unknown = items.filter((item) => !values.includes(item));
    if (unknown.length > 0) {
      // Reported on the parameter itself (not "status.0"), naming what was wrong.
      ctx.addIssue({
        code: "custom",
        message: `${name} must be one of ${values.join(", ")} (got ${unknown.join(", ")}).`,
      });
      return z.NEVER;
    }
    return [...new Set(items)] as Array<T[number]>;
  }).meta({ description: `Any of ${values.join(", ")}: comma-separated or repeated, any case.` });
}

/** A calendar date (whole day in the salon's time zone) or an ISO 8601 instant with offset. */
const dateFilterSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error:
    "Use an ISO date (2025-12-04) or date-time with offset (2025-12-04T15:30:00Z); impossible dates are rejected.",
});

export const listNotificationsQuerySchema = paginationQuerySchema
  .extend({
    status: enumList("status", STATUSES).optional(),
    channel: enumList("channel", CHANNELS).optional(),
    kind: enumList("kind", KINDS).optional(),
    customerId: idSchema("customerId").optional(),
    employeeId: idSchema("employeeId").optional(),
    appointmentId: idSchema("appointmentId").optional(),
    from: dateFilterSchema.optional(),
    to: dateFilterSchema.optional(),
  })
  .strict();

export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;
