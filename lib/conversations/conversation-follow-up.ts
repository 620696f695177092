// What opens and closes a conversation's follow-up without a click: a text Bolt didn't fully handle
// (lib/messaging/keyword-actions.ts isHandledAutomatically: the auto-reply answered, R asked for a new
// time, STOP, a question) opens it; a text staff write to the customer handles it. Staff can also mark
// it (update-conversation-follow-up.ts). Both are single guarded statements, so retries and races are safe.
import { db } from "@/lib/db";
import type { Notification, Prisma } from "@/lib/generated/prisma/client";
import { STAFF_TEXT_KIND } from "@/lib/conversations/conversation-activity";

/**
 * Opens the customer's conversation for staff, waiting since the text's arrival (the oldest waiting
 * text's, if already open). A text staff had already dealt with (they marked the thread handled or
 * replied after it arrived, e.g. a retry acting on it late) leaves their choice alone.
 */
export async function openConversationFollowUp(salonId: string, customerId: string, receivedAt: Date): Promise<void> {
  await db.$executeRaw`
    UPDATE "customers" SET
      "followUpSince" = CASE WHEN "followUp" = 'OPEN' AND "followUpSince" <= ${receivedAt} THEN "followUpSince" ELSE ${receivedAt} END,
      "followUp" = 'OPEN'
    WHERE "id" = ${customerId} AND "salonId" = ${salonId}
      AND ("followUp" IS DISTINCT FROM 'HANDLED' OR "followUpChangedAt" IS NULL OR "followUpChangedAt" < ${receivedAt})`;
}

/** A text staff wrote to a customer (kind CUSTOM) answers their waiting conversation: handled, by its author, audited. */
export async function handleConversationByReply(
  client: Prisma.TransactionClient,
  text: Pick<Notification, "id" | "salonId" | "customerId" | "kind" | "channel" | "status" | "createdAt" | "createdByUserId">,
): Promise<void> {
  // A text stopped before sending (the customer opted out) answered nobody.
  if (text.kind !== STAFF_TEXT_KIND || text.channel !== "SMS" || !text.customerId || text.status === "CANCELED") return;
  const handled = await client.customer.updateMany({
    where: { id: text.customerId, salonId: text.salonId, followUp: "OPEN" },
    data: { followUp: "HANDLED", followUpSince: null, followUpChangedAt: text.createdAt, followUpChangedById: text.createdByUserId },
  });
  if (handled.count === 0) return;
  await client.auditLog.create({
    data: {
      salonId: text.salonId,
      action: "conversation.follow_up_handled",
      actorUserId: text.createdByUserId,
      targetType: "Customer",
      targetId: text.customerId,
      metadata: { byReply: text.id },
    },
  });
}
