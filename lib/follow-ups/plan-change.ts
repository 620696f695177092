// One rule for a staff change to a call's or a conversation's follow-up: what actually changes (so
// setting HANDLED twice, or assigning the same member again, writes nothing and audits nothing) and
// the audit rows that record it. Callers lock the row first, so two clicks at once change it once.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FollowUpActor } from "@/lib/follow-ups/assignee";
import type { FollowUpChange, FollowUpState } from "@/lib/validations/follow-ups";

export type FollowUpRow = { followUp: string | null; assigneeId: string | null };

export type FollowUpPlan = {
  /** The new state, when it changes. */
  followUp?: FollowUpState;
  /** The new assignee (null: nobody), when it changes. */
  assigneeId?: string | null;
  audits: Array<{ action: string; metadata?: Prisma.InputJsonValue }>;
};

/** `kind` prefixes the audit actions: "call" or "conversation". Null when nothing changes. */
export function planFollowUpChange(kind: "call" | "conversation", row: FollowUpRow, change: FollowUpChange): FollowUpPlan | null {
  const plan: FollowUpPlan = { audits: [] };
  if (change.followUp !== undefined && change.followUp !== row.followUp) {
    plan.followUp = change.followUp;
    plan.audits.push({ action: change.followUp === "HANDLED" ? `${kind}.follow_up_handled` : `${kind}.follow_up_reopened` });
  }
  if (change.assigneeId !== undefined && change.assigneeId !== row.assigneeId) {
    plan.assigneeId = change.assigneeId;
    plan.audits.push({ action: `${kind}.assigned`, metadata: { assigneeId: change.assigneeId, previousAssigneeId: row.assigneeId } });
  }
  return plan.audits.length ? plan : null;
}

export async function auditFollowUpPlan(
  tx: Prisma.TransactionClient,
  target: { salonId: string; targetType: "CallLog" | "Customer"; targetId: string },
  plan: FollowUpPlan,
  actor: FollowUpActor,
): Promise<void> {
  await tx.auditLog.createMany({
    data: plan.audits.map((a) => ({
      salonId: target.salonId,
      action: a.action,
      metadata: a.metadata,
      actorUserId: actor.userId ?? null,
      actorApiKeyId: actor.apiKeyId ?? null,
      targetType: target.targetType,
      targetId: target.targetId,
    })),
  });
}
