// Schemas for the conversations API (list, thread, reply). Twilio's incoming-text webhook parameters
// are Twilio's format, in lib/telephony/params/sms.ts.
import { z } from "zod";
import { paginationQuerySchema } from "@/lib/api/pagination";
import { assigneeFilterSchema, followUpChangeFields, followUpFilterSchema } from "@/lib/validations/follow-ups";
import { smsBodySchema } from "@/lib/validations/messaging";

const booleanParam = z
  .enum(["true", "false", "1", "0"], { error: "Use true or false." })
  .transform((v) => v === "true" || v === "1");

/** GET /api/telephony/conversations: newest conversation first; `q` matches name or phone digits. */
export const listConversationsQuerySchema = paginationQuerySchema
  .extend({
    unreadOnly: booleanParam.default(false),
    q: z.string().trim().max(100, "Search text can be at most 100 characters.").optional().transform((v) => v || undefined),
    /** Conversations waiting for staff (open) or dealt with (handled). */
    followUp: followUpFilterSchema.optional(),
    /** Whose: me (the signed-in member), a member's user id, or none (unassigned). */
    assignee: assigneeFilterSchema.optional(),
  })
  .strict();

export type ListConversationsQuery = z.output<typeof listConversationsQuerySchema>;

const MAX_THREAD_ITEMS = 200;

/** GET /api/telephony/conversations/:customerId: the latest `limit` messages, or those before `before`. */
export const getConversationQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_THREAD_ITEMS, `limit must be between 1 and ${MAX_THREAD_ITEMS}`).default(100),
    before: z.iso.datetime({ offset: true, error: "before must be an ISO 8601 date-time." }).transform((v) => new Date(v)).optional(),
  })
  .strict();


/** PATCH /api/telephony/conversations/:customerId: the follow-up state, its assignee (null: nobody), or both. */
export const updateConversationSchema = z
  .object(followUpChangeFields)
  .strict()
  .refine((body) => body.followUp !== undefined || body.assigneeId !== undefined, { message: "Send followUp, assigneeId or both." });

/** POST /api/telephony/conversations/:customerId/reply. */
export const replyToCustomerSchema = z.object({ body: smsBodySchema }).strict();
