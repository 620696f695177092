// Notifications: every text and email Bolt sent or will send, with their delivery states. The
// notification schemas here are also what the texting routes (tags/texts.ts) answer.
import { z } from "zod";
import {
  NotificationChannel,
  NotificationKind,
  NotificationStatus,
  RecipientKind,
} from "@/lib/generated/prisma/enums";
import { ANY_MEMBER, type ApiTag, instant, json, pageOf, paginationDescription, SALON_SECURITY, salonErrors } from "@/lib/openapi/common";
import { listNotificationsQuerySchema } from "@/lib/validations/messaging";
import { idParamsSchema } from "@/lib/validations/params";

const notificationFields = {
  id: z.string(),
  channel: z.enum(NotificationChannel),
  kind: z.enum(NotificationKind),
  status: z.enum(NotificationStatus),
  recipientKind: z.enum(RecipientKind),
  destination: z.string().meta({ description: "E.164 for a text, an address for an email.", example: "+14155550123" }),
  subject: z.string().nullable(),
  body: z.string().meta({ example: "Studio Nine: Reminder: your appointment is tomorrow at 3:30 PM. Reply C to confirm or R to reschedule." }),
  segmentCount: z.number().int(),
  errorCode: z.string().nullable().meta({ description: "The carrier's error code when delivery failed." }),
  failureReason: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  appointmentId: z.string().nullable(),
  customerId: z.string().nullable(),
  employeeId: z.string().nullable(),
  createdByUserId: z.string().nullable(),
  scheduledFor: instant.nullable().meta({ description: "Not sent before this (reminders, quiet hours)." }),
  sentAt: instant.nullable(),
  deliveredAt: instant.nullable(),
  failedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
};

const person = (phone: boolean) =>
  z.strictObject({ id: z.string(), name: z.string().nullable(), ...(phone ? { phone: z.string() } : {}) }).nullable();

const notificationListItemSchema = z
  .strictObject({ ...notificationFields, customer: person(true), employee: person(false) })
  .meta({ id: "NotificationListItem" });

const notificationDetailSchema = z
  .strictObject({
    ...notificationFields,
    customer: person(true),
    employee: person(false),
    attempts: z.number().int(),
    idempotencyKey: z.string().nullable(),
    events: z.array(
      z.strictObject({
        id: z.string(),
        status: z.enum(NotificationStatus),
        errorCode: z.string().nullable(),
        detail: z.string().nullable(),
        occurredAt: instant,
      }),
    ),
  })
  .meta({ id: "NotificationDetail" });

/** The row as queued, which the texting routes answer with (202). */
export const notificationSchema = z
  .strictObject({
    ...notificationFields,
    salonId: z.string(),
    attempts: z.number().int(),
    idempotencyKey: z.string().nullable(),
    statusCheckAt: instant.nullable(),
    statusChecks: z.number().int(),
  })
  .meta({ id: "Notification" });

export const notificationsTag: ApiTag = {
  name: "Notifications",
  description: "Every text and email: queued, sent, delivered or failed, with the status history.",
  paths: {
    "/api/telephony/notifications": {
      get: {
        operationId: "listNotifications",
        summary: "List texts and emails",
        description: `Filters combine; \`status\`, \`channel\` and \`kind\` take a comma-separated or repeated list. \`from\`/\`to\` as a date are whole days in the salon's zone. ${paginationDescription}`,
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { query: listNotificationsQuerySchema },
        responses: { 200: json("A page of notifications", pageOf(notificationListItemSchema)), ...salonErrors() },
      },
    },
    "/api/telephony/notifications/{id}": {
      get: {
        operationId: "getNotification",
        summary: "Get one notification with its status history",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { path: idParamsSchema },
        responses: { 200: json("The notification", z.strictObject({ data: notificationDetailSchema })), ...salonErrors({ 404: ["not_found"] }) },
      },
    },
  },
};
