// Staff changing a conversation's follow-up (customers.followUp: the customer's text thread): marking
// it handled or reopening it, and assigning it to a member (or to nobody), audited. The same rule as
// a call's (lib/follow-ups/plan-change.ts): the row is locked first, a repeat changes nothing. Bolt
// opens it and a staff reply handles it (conversation-follow-up.ts).
import { notFound } from "@/lib/api/errors";
import { withSalonTransaction } from "@/lib/db";
import { assertAssignableMember, type FollowUpActor } from "@/lib/follow-ups/assignee";
import { auditFollowUpPlan, planFollowUpChange, type FollowUpPlan, type FollowUpRow } from "@/lib/follow-ups/plan-change";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FollowUpChange } from "@/lib/validations/follow-ups";

export type ConversationFollowUp = {
  customerId: string;
  followUp: string | null;
  followUpSince: Date | null;
  followUpChangedAt: Date | null;
  assignee: { id: string; name: string } | null;
};

/** Answers the conversation's follow-up as it stands after the change. */
export async function updateConversationFollowUp(
  salonId: string,
  customerId: string,
  change: FollowUpChange,
  actor: FollowUpActor,
  now: Date,
): Promise<ConversationFollowUp> {
  return withSalonTransaction(salonId, async (tx) => {
    // A record merged into another has no conversation of its own.
    const [row] = await tx.$queryRaw<FollowUpRow[]>`
      SELECT "followUp", "followUpAssigneeId" AS "assigneeId" FROM "customers"
      WHERE "id" = ${customerId} AND "salonId" = ${salonId} AND "mergedIntoId" IS NULL FOR UPDATE`;
    if (!row) throw notFound("Conversation");
    if (change.assigneeId) await assertAssignableMember(tx, salonId, change.assigneeId);
    const plan = planFollowUpChange("conversation", row, change);
    if (plan) await applyPlan(tx, plan);
    const after = await tx.customer.findFirstOrThrow({
      where: { id: customerId, salonId },
      select: { followUp: true, followUpSince: true, followUpChangedAt: true, followUpAssignee: { select: { id: true, name: true } } },
    });
    const { followUpAssignee, ...state } = after;
    return { customerId, ...state, assignee: followUpAssignee };
  });

  async function applyPlan(tx: Prisma.TransactionClient, plan: FollowUpPlan) {
    await tx.customer.updateMany({
      where: { id: customerId, salonId },
      data: {
        // Reopened by staff, it waits from now; handled, it no longer waits.
        ...(plan.followUp
          ? { followUp: plan.followUp, followUpSince: plan.followUp === "OPEN" ? now : null, followUpChangedAt: now, followUpChangedById: actor.userId ?? null }
          : {}),
        ...(plan.assigneeId !== undefined ? { followUpAssigneeId: plan.assigneeId } : {}),
      },
    });
    await auditFollowUpPlan(tx, { salonId, targetType: "Customer", targetId: customerId }, plan, actor);
  }
}
