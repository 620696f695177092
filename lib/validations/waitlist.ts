// The waitlist's API query and response shapes (GET /api/waitlist), shared by the route, the staff list
// and the OpenAPI document.
import { z } from "zod";
import { paginationQuerySchema } from "@/lib/api/pagination";

const WAITLIST_STATUSES = ["WAITING", "OFFERED", "BOOKED", "REMOVED", "EXPIRED"] as const;

/** `?status=WAITING,OFFERED` (the default: everyone still waiting), or a repeated parameter; case-insensitive. */
const statusListSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((v, ctx) => {
    const items = (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim().toUpperCase()).filter(Boolean);
    const unknown = items.filter((s) => !(WAITLIST_STATUSES as readonly string[]).includes(s));
    if (unknown.length > 0) {
      ctx.addIssue({ code: "custom", message: `Unknown status ${unknown.join(", ")}; use ${WAITLIST_STATUSES.join(", ")}.` });
      return z.NEVER;
    }
    return items as Array<(typeof WAITLIST_STATUSES)[number]>;
  })
  .meta({ description: `Comma-separated: ${WAITLIST_STATUSES.join(", ")}. Default: WAITING,OFFERED.`, example: "WAITING,OFFERED" });

export const listWaitlistQuerySchema = paginationQuerySchema.extend({ status: statusListSchema.optional() });
export type ListWaitlistQuery = z.output<typeof listWaitlistQuerySchema>;

const named = z.object({ id: z.string(), name: z.string() });

export const waitlistEntryResponseSchema = z.object({
  id: z.string(),
  status: z.enum(WAITLIST_STATUSES),
  customer: z.object({ id: z.string(), name: z.string().nullable(), phone: z.string() }),
  service: named.nullable(),
  stylist: named.nullable().meta({ description: "The stylist asked for; null: anyone who performs the service." }),
  appointmentId: z.string().nullable().meta({ description: "The booking they want earlier; null: a new booking." }),
  windowStart: z.iso.datetime(),
  windowEnd: z.iso.datetime().meta({ description: "A freed slot must start in [windowStart, windowEnd)." }),
  language: z.enum(["en", "es"]),
  lastOffer: z
    .object({ startsAt: z.iso.datetime(), status: z.enum(["SENT", "TAKEN", "LOST", "EXPIRED"]), expiresAt: z.iso.datetime() })
    .nullable()
    .meta({ description: "The latest freed slot offered to them, if any." }),
  createdAt: z.iso.datetime(),
});
export type WaitlistEntryJson = z.infer<typeof waitlistEntryResponseSchema>;
