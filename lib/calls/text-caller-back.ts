// "Text back" on a call's page: a text to the caller through the normal sending path, landing in their
// conversation. A caller who isn't a customer yet becomes one (new, by their number, as an incoming
// text makes one; earlier texts to the number join the thread) and the call is linked to them. A
// withheld number can't be texted (422), and a customer who texted STOP is refused up front (409).
import { ApiError, notFound } from "@/lib/api/errors";
import { customerByPhone } from "@/lib/conversations/customer-by-phone";
import { replyToCustomer } from "@/lib/conversations/reply-to-customer";
import { withSalonTransaction } from "@/lib/db";
import type { Notification } from "@/lib/generated/prisma/client";
import { normalizePhone } from "@/lib/phone";

/** The caller's customer id, made (and the call linked to it) for a caller who isn't one yet. */
async function customerOfCaller(salonId: string, callId: string): Promise<string> {
  return withSalonTransaction(salonId, async (tx) => {
    const call = await tx.callLog.findFirst({ where: { id: callId, salonId }, select: { from: true, customerId: true } });
    if (!call) throw notFound("Call");
    if (call.customerId) return call.customerId;
    const phone = normalizePhone(call.from);
    if (!phone) throw new ApiError({ code: "caller_withheld", status: 422, message: "This caller withheld their number, so they can't be texted back." });
    const { customer } = await customerByPhone(tx, salonId, phone);
    await tx.callLog.updateMany({ where: { id: callId, salonId, customerId: null }, data: { customerId: customer.id } });
    return customer.id;
  });
}

export async function textCallerBack(
  salonId: string,
  callId: string,
  body: string,
  userId: string | undefined,
  opts: { idempotencyKey?: string } = {},
): Promise<{ customerId: string; text: Notification }> {
  const customerId = await customerOfCaller(salonId, callId);
  return { customerId, text: await replyToCustomer(salonId, customerId, body, userId, opts) };
}
