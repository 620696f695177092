// Settings → Team: the salon's logins. Owners change roles and remove members; the salon never ends up
// without an owner (checked under a lock on the owners' rows, so two owners demoting each other at once
// can't both succeed), and a removed member's sessions end at once.
import { ApiError, notFound } from "@/lib/api/errors";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { salonDb, withSalonTransaction } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";

export type TeamMember = { userId: string; name: string; email: string; role: Role; lastSeenAt: Date | null; joinedAt: Date };

const lastOwner = () =>
  new ApiError({ code: "last_owner", status: 409, message: "The salon needs at least one owner. Make someone else an owner first." });

/** Everyone with a login to the salon, owners first, with when each was last seen in any browser. */
export async function listMembers(salonId: string): Promise<TeamMember[]> {
  const scoped = salonDb(salonId);
  const rows = await scoped.membership.findMany({
    where: { salonId },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    take: 500,
  });
  const seen = await scoped.session.groupBy({
    by: ["userId"],
    where: { userId: { in: rows.map((r) => r.user.id) } },
    _max: { lastSeenAt: true },
  });
  const lastSeen = new Map(seen.map((s) => [s.userId, s._max.lastSeenAt]));
  return rows.map((r) => ({
    userId: r.user.id,
    name: r.user.name,
    email: r.user.email,
    role: r.role,
    lastSeenAt: lastSeen.get(r.user.id) ?? null,
    joinedAt: r.createdAt,
  }));
}

/**
 * Runs `change` on the member's row while the salon's owner rows are locked; `leavesOwner` says whether
 * the salon still has an owner afterwards, given the owners before.
 */
async function changeMembership(
  salonId: string,
  userId: string,
  change: (tx: Parameters<Parameters<typeof withSalonTransaction>[1]>[0], current: Role) => Promise<unknown>,
  keepsOwnership: (current: Role, owners: number) => boolean,
): Promise<void> {
  await withSalonTransaction(salonId, async (tx) => {
    const owners = await tx.$queryRaw<Array<{ userId: string }>>`
      SELECT "userId" FROM "memberships" WHERE "salonId" = ${salonId} AND "role" = 'OWNER' FOR UPDATE`;
    const member = await tx.membership.findUnique({
      where: { salonId_userId: { salonId, userId } },
      select: { role: true },
    });
    if (!member) throw notFound("Team member");
    if (!keepsOwnership(member.role, owners.length)) throw lastOwner();
    await change(tx, member.role);
  });
}

export async function changeMemberRole(salonId: string, userId: string, role: Role): Promise<void> {
  await changeMembership(
    salonId,
    userId,
    (tx) => tx.membership.update({ where: { salonId_userId: { salonId, userId } }, data: { role } }),
    (current, owners) => !(current === "OWNER" && role !== "OWNER" && owners <= 1),
  );
}

/** Removes the membership and ends every session of that user at once (their cookie stops working). */
export async function removeMember(salonId: string, userId: string, removedByUserId: string): Promise<void> {
  if (userId === removedByUserId)
    throw new ApiError({ code: "cannot_remove_self", status: 409, message: "You can't remove yourself. Ask another owner." });
  await changeMembership(
    salonId,
    userId,
    async (tx) => {
      await tx.membership.delete({ where: { salonId_userId: { salonId, userId } } });
      // What was assigned to them goes back to nobody (their user row stays, so no foreign key does it).
      await tx.callLog.updateMany({ where: { salonId, assigneeId: userId }, data: { assigneeId: null } });
      await tx.customer.updateMany({ where: { salonId, followUpAssigneeId: userId }, data: { followUpAssigneeId: null } });
    },
    (current, owners) => !(current === "OWNER" && owners <= 1),
  );
  await revokeUserSessions(userId);
}
