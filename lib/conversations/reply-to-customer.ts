// Staff answer a conversation from the inbox: a CUSTOM text through the normal sending path (queued,
// tracked, quiet hours and quota apply). A customer who texted STOP is refused up front, plainly,
// rather than queued and cancelled. Replying also counts as reading the conversation; sendSms moves the
// conversation to the top of the inbox, as for every text staff write.
import type { Notification } from "@/lib/generated/prisma/client";
import { conflict, notFound } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import { markConversationRead } from "@/lib/conversations/mark-conversation-read";
import { sendSms } from "@/lib/messaging/send-sms";

function customerOptedOut() {
  return conflict("customer_opted_out", "This customer replied STOP and can't be texted until they text START.");
}

export async function replyToCustomer(
  salonId: string,
  customerId: string,
  body: string,
  userId: string | undefined,
  opts: { idempotencyKey?: string } = {},
): Promise<Notification> {
  const customer = await salonDb(salonId).customer.findFirst({ where: { id: customerId, salonId }, select: { smsConsent: true } });
  if (!customer) throw notFound("Conversation");
  if (customer.smsConsent === "OPTED_OUT") throw customerOptedOut();

  const notification = await sendSms({
    salonId,
    kind: "CUSTOM",
    body,
    to: { customerId },
    createdByUserId: userId,
    idempotencyKey: opts.idempotencyKey,
  });
  await markConversationRead(salonId, customerId);
  return notification;
}
