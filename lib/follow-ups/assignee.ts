// Who a follow-up may be assigned to, and the ?assignee= filter resolved: only a member of the salon.
// Users aren't salon rows, so the membership is what scopes them; the row is locked (FOR KEY SHARE), so a
// removal waits for the assignment, and removeMember (lib/team/members.ts) then clears it.
import { ApiError } from "@/lib/api/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export type FollowUpActor = { userId?: string; apiKeyId?: string };

/** A resolved ?assignee=: a user id, or null for "assigned to nobody". */
export type AssigneeFilter = { assigneeId: string | null };

const notAMember = () =>
  new ApiError({
    code: "assignee_not_member",
    status: 422,
    message: "Assign it to a member of this salon.",
    details: { fields: { assigneeId: ["Not a member of this salon."] } },
  });

export async function assertAssignableMember(tx: Prisma.TransactionClient, salonId: string, userId: string): Promise<void> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM "memberships" WHERE "salonId" = ${salonId} AND "userId" = ${userId} FOR KEY SHARE`;
  if (rows.length === 0) throw notAMember();
}

/** ?assignee=me needs a signed-in member (an API key is nobody); ids are taken as given (an unknown one matches nothing). */
export function resolveAssigneeFilter(assignee: string | undefined, actor: FollowUpActor): AssigneeFilter | undefined {
  if (assignee === undefined) return undefined;
  if (assignee === "none") return { assigneeId: null };
  if (assignee !== "me") return { assigneeId: assignee };
  if (!actor.userId) {
    throw new ApiError({
      code: "assignee_me_needs_member",
      status: 422,
      message: "assignee=me needs a signed-in member; with an API key, pass the member's user id.",
      details: { fields: { assignee: ["assignee=me needs a signed-in member."] } },
    });
  }
  return { assigneeId: actor.userId };
}
