// Conversations: the Messages inbox per customer, a thread both ways, replies, read state and MMS media.
import { z } from "zod";
import { NotificationKind, NotificationStatus, SmsConsent } from "@/lib/generated/prisma/enums";
import { ANY_MEMBER, type ApiTag, errors, idempotencyHeader, instant, json, JSON_BODY_ERRORS, pageOf, paginationDescription, SALON_SECURITY, salonErrors } from "@/lib/openapi/common";
import { notificationSchema } from "@/lib/openapi/tags/notifications";
import { getConversationQuerySchema, listConversationsQuerySchema, replyToCustomerSchema, updateConversationSchema } from "@/lib/validations/conversations";
import { mediaQuerySchema, messageMediaParamsSchema } from "@/lib/validations/media";
import { customerIdParamsSchema } from "@/lib/validations/params";

const inboundMessageSchema = z.strictObject({
  direction: z.literal("INBOUND"),
  id: z.string(),
  at: instant,
  body: z.string(),
  mediaUrls: z.array(z.string()).meta({ description: "Attachments: fetch them through /api/telephony/inbound-messages/{id}/media/{index}." }),
  keyword: z.string().nullable().meta({ description: "STOP, START, HELP, C or R when the text was one." }),
  readAt: instant.nullable(),
});

const outboundMessageSchema = z.strictObject({
  direction: z.literal("OUTBOUND"),
  id: z.string(),
  at: instant.meta({ description: "When it went out (or is due)." }),
  body: z.string(),
  kind: z.enum(NotificationKind),
  status: z.enum(NotificationStatus),
  errorCode: z.string().nullable(),
  failureReason: z.string().nullable(),
  createdByUserId: z.string().nullable(),
  scheduledFor: instant.nullable(),
  sentAt: instant.nullable(),
  deliveredAt: instant.nullable(),
  failedAt: instant.nullable(),
});

const threadMessageSchema = z.discriminatedUnion("direction", [inboundMessageSchema, outboundMessageSchema]).meta({ id: "ThreadMessage" });

const consent = { smsConsent: z.enum(SmsConsent).meta({ description: "OPTED_OUT after the customer texted STOP; only they can undo it (START)." }), optedOutAt: instant.nullable() };

const followUpFields = {
  followUp: z.enum(["OPEN", "HANDLED"]).nullable().meta({ description: "OPEN while a text Bolt didn't fully handle waits for staff; HANDLED once staff replied or marked it; null: nothing waited." }),
  followUpSince: instant.nullable().meta({ description: "While OPEN: when the oldest unanswered text arrived." }),
};
const assignee = z.strictObject({ id: z.string(), name: z.string() }).nullable().meta({ description: "The member who has the follow-up; null: anyone." });

const conversationSummarySchema = z
  .strictObject({
    customer: z.strictObject({ id: z.string(), name: z.string().nullable(), phone: z.string(), isNew: z.boolean(), ...consent }),
    lastMessageAt: instant,
    lastMessage: threadMessageSchema.nullable().meta({ description: "The latest text either way that is part of the conversation (not Bolt's automated ones)." }),
    unreadCount: z.number().int(),
    ...followUpFields,
    assignee,
  })
  .meta({ id: "ConversationSummary" });

const conversationFollowUpSchema = z
  .strictObject({ customerId: z.string(), ...followUpFields, followUpChangedAt: instant.nullable().meta({ description: "When staff last changed it (or replied)." }), assignee })
  .meta({ id: "ConversationFollowUp" });

const conversationSchema = z
  .strictObject({
    customer: z.strictObject({
      id: z.string(),
      name: z.string().nullable(),
      phone: z.string(),
      email: z.string().nullable(),
      isNew: z.boolean(),
      ...consent,
      conversationReadAt: instant.nullable(),
      lastMessageAt: instant.nullable(),
      notes: z.string().nullable(),
      ...followUpFields,
      followUpAssignee: assignee,
    }),
    messages: z.array(threadMessageSchema).meta({ description: "Oldest first." }),
    hasEarlier: z.boolean().meta({ description: "Pass the first message's `at` as `before` for earlier ones." }),
    unreadCount: z.number().int(),
    authors: z.record(z.string(), z.string()).meta({ description: "Names of the staff who wrote replies, by user id." }),
  })
  .meta({ id: "Conversation" });

const customerPath = { path: customerIdParamsSchema };

export const conversationsTag: ApiTag = {
  name: "Conversations",
  description: "Texts with each customer both ways, as the Messages inbox shows them.",
  paths: {
    "/api/telephony/conversations": {
      get: {
        operationId: "listConversations",
        summary: "List conversations",
        description: `Most recent first; \`unreadOnly\`, \`q\` for part of a name or number, \`followUp=open|handled\`, and \`assignee\`: \`me\` (the signed-in member; 422 \`assignee_me_needs_member\` with an API key), a member's user id, or \`none\`. ${paginationDescription}`,
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { query: listConversationsQuerySchema },
        responses: { 200: json("A page of conversations", pageOf(conversationSummarySchema)), ...salonErrors({ 422: ["validation_failed", "assignee_me_needs_member"] }) },
      },
    },
    "/api/telephony/conversations/{customerId}": {
      get: {
        operationId: "getConversation",
        summary: "Get a customer's texts both ways",
        description: "The latest `limit` messages, or those before `before`, oldest first, with delivery states.",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { ...customerPath, query: getConversationQuerySchema },
        responses: { 200: json("The conversation", z.strictObject({ data: conversationSchema })), ...salonErrors({ 404: ["not_found"] }) },
      },
      patch: {
        operationId: "updateConversationFollowUp",
        summary: "Mark the conversation's follow-up handled, reopen it, or assign it",
        description: "`followUp`: HANDLED or OPEN; `assigneeId`: a member of the salon (else 422 `assignee_not_member`), or null for nobody. Audited; setting what is already set changes nothing. A staff reply also marks it handled, and a text Bolt doesn't fully handle opens it.",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: customerPath,
        requestBody: { content: { "application/json": { schema: updateConversationSchema, example: { followUp: "HANDLED" } } } },
        responses: {
          200: json("The conversation's follow-up", z.strictObject({ data: conversationFollowUpSchema })),
          ...salonErrors({ ...JSON_BODY_ERRORS, 404: ["not_found"], 422: ["validation_failed", "assignee_not_member"] }),
        },
      },
    },
    "/api/telephony/conversations/{customerId}/reply": {
      post: {
        operationId: "replyToCustomer",
        summary: "Text the customer back",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { ...customerPath, header: idempotencyHeader },
        requestBody: { content: { "application/json": { schema: replyToCustomerSchema, example: { body: "Yes, Saturday at 11 works — see you then!" } } } },
        responses: {
          202: json("Queued", z.strictObject({ data: notificationSchema })),
          ...salonErrors({ ...JSON_BODY_ERRORS, 404: ["not_found"], 409: ["customer_opted_out", "no_phone_number"] }),
        },
      },
    },
    "/api/telephony/conversations/{customerId}/read": {
      post: {
        operationId: "markConversationRead",
        summary: "Mark the conversation read",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: customerPath,
        responses: {
          200: json("How many texts were marked read", z.strictObject({ data: z.strictObject({ customerId: z.string(), markedRead: z.number().int() }) })),
          ...salonErrors({ 404: ["not_found"] }),
        },
      },
    },
    "/api/telephony/inbound-messages/{id}/media/{index}": {
      get: {
        operationId: "getMessageMedia",
        summary: "Get a customer's MMS attachment",
        description: "Relayed from Twilio (0-based index). Types other than audio, video or common images are sent as downloads; `?download=1` always is.",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { path: messageMediaParamsSchema, query: mediaQuerySchema },
        responses: {
          200: { description: "The file, in its own content type", content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } } },
          206: { description: "The requested byte range" },
          ...salonErrors({ 404: ["not_found", "attachment_not_found"] }),
          ...errors({ 502: ["twilio_unavailable"] }),
        },
      },
    },
  },
};
