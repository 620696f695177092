// Staff marking a call's follow-up handled, or reopening it: the one stored state the follow-up queue
// reads (call_logs.followUp), with who and when, and an audit row. Once staff have chosen, the rule
// (lib/calls/call-summary.ts) no longer changes it; derivedVersion is bumped so a webhook re-deriving
// the call at the same moment reads again instead of writing back what it saw before.
import { notFound } from "@/lib/api/errors";
import { withSalonTransaction } from "@/lib/db";
import type { UpdateCallFollowUpInput } from "@/lib/validations/calls";

export type FollowUpActor = { userId?: string; apiKeyId?: string };

export async function updateCallFollowUp(
  salonId: string,
  id: string,
  input: UpdateCallFollowUpInput,
  actor: FollowUpActor,
  now: Date,
): Promise<void> {
  await withSalonTransaction(salonId, async (tx) => {
    const { count } = await tx.callLog.updateMany({
      where: { id, salonId },
      data: {
        followUp: input.followUp,
        followUpChangedAt: now,
        followUpChangedById: actor.userId ?? null,
        derivedVersion: { increment: 1 },
      },
    });
    if (count === 0) throw notFound("Call");
    await tx.auditLog.create({
      data: {
        salonId,
        action: input.followUp === "HANDLED" ? "call.follow_up_handled" : "call.follow_up_reopened",
        actorUserId: actor.userId ?? null,
        actorApiKeyId: actor.apiKeyId ?? null,
        targetType: "CallLog",
        targetId: id,
      },
    });
  });
}
