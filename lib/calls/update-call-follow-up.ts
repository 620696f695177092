// Staff changing a call's follow-up (a voicemail is a call with a recording): marking it handled or
// reopening it, and assigning it to a member (or to nobody). The one stored state the follow-up queue
// reads (call_logs.followUp), with who and when, and an audit row per change. Once staff have chosen,
// the rule (lib/calls/call-summary.ts) no longer changes it; derivedVersion is bumped so a webhook
// re-deriving the call at the same moment reads again instead of writing back what it saw before.
// The row is locked first: two clicks at once change it once, and a repeat changes nothing.
import { notFound } from "@/lib/api/errors";
import { withSalonTransaction } from "@/lib/db";
import { assertAssignableMember, type FollowUpActor } from "@/lib/follow-ups/assignee";
import { auditFollowUpPlan, planFollowUpChange, type FollowUpRow } from "@/lib/follow-ups/plan-change";
import type { FollowUpChange } from "@/lib/validations/follow-ups";

export type { FollowUpActor } from "@/lib/follow-ups/assignee";

export async function updateCallFollowUp(
  salonId: string,
  id: string,
  change: FollowUpChange,
  actor: FollowUpActor,
  now: Date,
): Promise<void> {
  await withSalonTransaction(salonId, async (tx) => {
    const [row] = await tx.$queryRaw<FollowUpRow[]>`
      SELECT "followUp", "assigneeId" FROM "call_logs" WHERE "id" = ${id} AND "salonId" = ${salonId} FOR UPDATE`;
    if (!row) throw notFound("Call");
    if (change.assigneeId) await assertAssignableMember(tx, salonId, change.assigneeId);
    const plan = planFollowUpChange("call", row, change);
    if (!plan) return;
    await tx.callLog.updateMany({
      where: { id, salonId },
      data: {
        ...(plan.followUp
          ? { followUp: plan.followUp, followUpChangedAt: now, followUpChangedById: actor.userId ?? null, derivedVersion: { increment: 1 } }
          : {}),
        ...(plan.assigneeId !== undefined ? { assigneeId: plan.assigneeId } : {}),
      },
    });
    await auditFollowUpPlan(tx, { salonId, targetType: "CallLog", targetId: id }, plan, actor);
  });
}
