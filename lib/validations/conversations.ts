// Schemas for incoming texts (Twilio's inbound SMS webhook: only what we use; Twilio's other documented
// parameters pass through unread) and the conversations API (list, thread, reply).
import { z } from "zod";
import { paginationQuerySchema } from "@/lib/api/pagination";
import { smsBodySchema } from "@/lib/validations/messaging";

// SM… for texts, MM… for picture messages.
const messageSidSchema = z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, "Expected a message SID");
// Twilio caps a message at 10 media items.
const MAX_MEDIA = 10;

export const inboundSmsParamsSchema = z
  .object({
    MessageSid: messageSidSchema.optional(),
    // Older parameter name Twilio still sends alongside MessageSid.
    SmsSid: messageSidSchema.optional(),
    AccountSid: z.string().optional(),
    From: z.string().default(""),
    To: z.string().default(""),
    Body: z.string().default(""),
    NumMedia: z.coerce.number().int().min(0).max(MAX_MEDIA).catch(0).default(0),
  })
  .catchall(z.string())
  .transform((p, ctx) => {
    const messageSid = p.MessageSid ?? p.SmsSid;
    if (!messageSid) {
      ctx.addIssue({ code: "custom", path: ["MessageSid"], message: "MessageSid is required" });
      return z.NEVER;
    }
    const mediaUrls: string[] = [];
    for (let i = 0; i < p.NumMedia; i++) {
      const url = p[`MediaUrl${i}`];
      if (typeof url === "string" && URL.canParse(url)) mediaUrls.push(url);
    }
    return { messageSid, from: p.From, to: p.To, body: p.Body, numMedia: p.NumMedia, mediaUrls };
  });

export type InboundSms = z.output<typeof inboundSmsParamsSchema>;

const booleanParam = z
  .enum(["true", "false", "1", "0"], { error: "Use true or false." })
  .transform((v) => v === "true" || v === "1");

/** GET /api/telephony/conversations: newest conversation first; `q` matches name or phone digits. */
export const listConversationsQuerySchema = paginationQuerySchema
  .extend({
    unreadOnly: booleanParam.default(false),
    q: z.string().trim().max(100, "Search text can be at most 100 characters.").optional().transform((v) => v || undefined),
  })
  .strict();

export type ListConversationsQuery = z.output<typeof listConversationsQuerySchema>;

export const MAX_THREAD_ITEMS = 200;

/** GET /api/telephony/conversations/:customerId: the latest `limit` messages, or those before `before`. */
export const getConversationQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_THREAD_ITEMS, `limit must be between 1 and ${MAX_THREAD_ITEMS}`).default(100),
    before: z.iso.datetime({ offset: true, error: "before must be an ISO 8601 date-time." }).transform((v) => new Date(v)).optional(),
  })
  .strict();

export type GetConversationQuery = z.output<typeof getConversationQuerySchema>;

/** POST /api/telephony/conversations/:customerId/reply. */
export const replyToCustomerSchema = z.object({ body: smsBodySchema }).strict();
