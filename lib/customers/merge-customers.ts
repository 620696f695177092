// Merging two records of the same person (one booked under her mobile, one made when she texted from
// work). In one transaction: every appointment, call, text and incoming text of the other record moves to
// the kept one; the other record stays behind as a pointer (mergedIntoId) holding only its phone, so
// a call or text from that number still finds the kept customer in the webhooks' one (salonId, phone)
// lookup; an opt-out on either record wins; an audit entry records it.
import { ApiError, notFound } from "@/lib/api/errors";
import type { ChangeActor } from "@/lib/appointments/after-change";
import { withSalonTransaction } from "@/lib/db";
import type { Customer } from "@/lib/generated/prisma/client";
import { lockCustomerTexts } from "@/lib/messaging/inbound-claims";

type Row = Pick<
  Customer,
  "id" | "name" | "phone" | "email" | "notes" | "smsConsent" | "optedOutAt" | "isNew" | "firstTextedAt" | "lastMessageAt" | "conversationReadAt" | "mergedIntoId"
>;

const earliest = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));
const latest = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/** What the kept record becomes: its own fields first, the other's where it has none. */
function mergedFields(keep: Row, other: Row) {
  const optedOut = keep.smsConsent === "OPTED_OUT" || other.smsConsent === "OPTED_OUT";
  return {
    name: keep.name ?? other.name,
    email: keep.email ?? other.email,
    notes: keep.notes && other.notes ? `${keep.notes}\n\n${other.notes}` : (keep.notes ?? other.notes),
    smsConsent: optedOut ? ("OPTED_OUT" as const) : ("OPTED_IN" as const),
    // The opt-out that stands is the latest one either record received.
    optedOutAt: optedOut ? latest(keep.smsConsent === "OPTED_OUT" ? keep.optedOutAt : null, other.smsConsent === "OPTED_OUT" ? other.optedOutAt : null) : null,
    isNew: keep.isNew && other.isNew,
    firstTextedAt: earliest(keep.firstTextedAt, other.firstTextedAt),
    lastMessageAt: latest(keep.lastMessageAt, other.lastMessageAt),
    conversationReadAt: latest(keep.conversationReadAt, other.conversationReadAt),
  };
}

export type MergeResult = { keptId: string; mergedId: string; moved: { appointments: number; calls: number; texts: number; inbound: number } };

export async function mergeCustomers(
  salonId: string,
  keepId: string,
  mergeId: string,
  opts: { now: Date; actor?: ChangeActor },
): Promise<MergeResult> {
  if (keepId === mergeId) throw new ApiError({ code: "same_customer", status: 422, message: "Choose two different records to merge." });
  return withSalonTransaction(salonId, async (tx) => {
    // Both rows locked, in id order so two merges of the same pair can't deadlock; a text arriving meanwhile waits.
    const rows = await tx.$queryRaw<Row[]>`
      SELECT "id", "name", "phone", "email", "notes", "smsConsent", "optedOutAt", "isNew", "firstTextedAt", "lastMessageAt", "conversationReadAt", "mergedIntoId"
      FROM "customers" WHERE "salonId" = ${salonId} AND "id" IN (${keepId}, ${mergeId}) ORDER BY "id" FOR UPDATE`;
    const keep = rows.find((r) => r.id === keepId && !r.mergedIntoId);
    const other = rows.find((r) => r.id === mergeId && !r.mergedIntoId);
    if (!keep || !other) throw notFound("Customer");
    // Texts being stored or acted on for either record finish first (the webhooks' per-customer lock).
    for (const id of [keepId, mergeId].sort()) await lockCustomerTexts(tx, id);

    const moved = { salonId, customerId: mergeId };
    const to = { customerId: keepId };
    const [appointments, calls, texts, inbound] = [
      await tx.appointment.updateMany({ where: moved, data: to }),
      await tx.callLog.updateMany({ where: moved, data: to }),
      await tx.notification.updateMany({ where: moved, data: to }),
      await tx.inboundMessage.updateMany({ where: moved, data: to }),
    ];
    // Records merged into the other before now point at the kept one: a number never takes two hops.
    await tx.customer.updateMany({ where: { salonId, mergedIntoId: mergeId }, data: { mergedIntoId: keepId } });
    const fields = mergedFields(keep, other);
    await tx.customer.update({ where: { id: keepId }, data: fields });
    // The pointer keeps its phone (what the webhooks look up) and the consent that now stands, and leaves the inbox.
    await tx.customer.update({
      where: { id: mergeId },
      data: { mergedIntoId: keepId, mergedAt: opts.now, lastMessageAt: null, smsConsent: fields.smsConsent, optedOutAt: fields.optedOutAt },
    });
    const result = { keptId: keepId, mergedId: mergeId, moved: { appointments: appointments.count, calls: calls.count, texts: texts.count, inbound: inbound.count } };
    await tx.auditLog.create({
      data: {
        salonId,
        action: "customer.merge",
        actorUserId: opts.actor?.userId ?? null,
        actorApiKeyId: opts.actor?.apiKeyId ?? null,
        targetType: "Customer",
        targetId: keepId,
        metadata: { mergedId: mergeId, mergedPhone: other.phone, mergedName: other.name, moved: result.moved },
      },
    });
    return result;
  });
}
