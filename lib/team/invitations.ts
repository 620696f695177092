// Team invitations: an owner invites an address (STAFF by default); the e-mailed link (INVITATION_TTL_DAYS)
// creates the account and its membership, or adds the membership to the signed-in account it was sent to.
// A link is single-use and stops working when resent (a new token) or revoked. The salon always comes from
// the invitation row the token names, never from the request, so salon A's link can only ever join salon A.
import { ApiError, conflict, notFound } from "@/lib/api/errors";
import { emailedLink, hashEmailedToken, INVITE_PATH, newEmailedToken } from "@/lib/auth/emailed-tokens";
import { consumePoints, getLimiter, type LimiterOptions } from "@/lib/api/rate-limit-store";
import { accountKey, tooManyAttemptsMessage } from "@/lib/auth/login-throttle";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db, salonDb } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/client";
import { sendEmail } from "@/lib/messaging/send-email";
import { systemClock, type Clock } from "@/lib/time/clock";
import type { AcceptInvitationInput, InviteMemberInput } from "@/lib/validations/team";

export type PendingInvitation = { id: string; email: string; role: Role; expiresAt: Date; createdAt: Date };

const invitationGone = () =>
  new ApiError({ code: "invitation_invalid", status: 410, message: "This invitation has expired or was already used. Ask the salon for a new one." });

const PASSWORD_GUESSES: LimiterOptions = { keyPrefix: "invite-password", points: 10, durationSeconds: 15 * 60 };

const expiry = (now: Date) => new Date(now.getTime() + env.INVITATION_TTL_DAYS * 24 * 60 * 60_000);

async function emailInvitation(salonId: string, invitedBy: string, email: string, token: string): Promise<void> {
  const [salon, inviter] = await Promise.all([
    salonDb(salonId).salon.findUniqueOrThrow({ where: { id: salonId }, select: { name: true } }),
    db.user.findUnique({ where: { id: invitedBy }, select: { name: true } }),
  ]);
  await sendEmail({
    salonId,
    kind: "STAFF_ALERT",
    subject: `Join ${salon.name} on Bolt`,
    body: [
      `${inviter?.name ?? "The owner"} invited you to join ${salon.name} on Bolt, where the salon's calls, texts and appointments are.`,
      "",
      `Accept within ${env.INVITATION_TTL_DAYS} days:`,
      "",
      emailedLink(INVITE_PATH, token),
      "",
      "If you weren't expecting this, ignore this e-mail.",
    ].join("\n"),
    to: { email },
    createdByUserId: invitedBy,
  });
}

/** Invites `email`; inviting it again while an invitation is pending renews that one (new link, new expiry). */
export async function inviteMember(
  salonId: string,
  invitedByUserId: string,
  input: InviteMemberInput,
  clock: Clock = systemClock,
): Promise<PendingInvitation> {
  const scoped = salonDb(salonId);
  if (await scoped.membership.findFirst({ where: { salonId, user: { email: input.email } }, select: { id: true } }))
    throw conflict("already_member", `${input.email} is already on the team.`);
  const now = clock();
  const { token, tokenHash } = newEmailedToken();
  const pending = await scoped.invitation.findFirst({
    where: { salonId, email: input.email, acceptedAt: null, revokedAt: null },
    select: { id: true },
  });
  const data = { role: input.role, tokenHash, expiresAt: expiry(now), invitedByUserId };
  const invitation = pending
    ? await scoped.invitation.update({ where: { id: pending.id, salonId }, data })
    : await scoped.invitation.create({ data: { salonId, email: input.email, ...data } });
  await emailInvitation(salonId, invitedByUserId, input.email, token);
  return invitation;
}

/** A new link (the old one stops working) and a fresh expiry, e-mailed again. */
export async function resendInvitation(salonId: string, id: string, resentByUserId: string, clock: Clock = systemClock) {
  const { token, tokenHash } = newEmailedToken();
  const scoped = salonDb(salonId);
  const { count } = await scoped.invitation.updateMany({
    where: { id, salonId, acceptedAt: null, revokedAt: null },
    data: { tokenHash, expiresAt: expiry(clock()) },
  });
  if (count === 0) throw notFound("Invitation");
  const { email } = await scoped.invitation.findUniqueOrThrow({ where: { id, salonId }, select: { email: true } });
  await emailInvitation(salonId, resentByUserId, email, token);
  return { email };
}

export async function revokeInvitation(salonId: string, id: string, clock: Clock = systemClock): Promise<void> {
  const { count } = await salonDb(salonId).invitation.updateMany({
    where: { id, salonId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: clock() },
  });
  if (count === 0) throw notFound("Invitation");
}

/** Invitations not yet accepted or revoked (expired ones too, so they can be resent), newest first. */
export function listPendingInvitations(salonId: string): Promise<PendingInvitation[]> {
  return salonDb(salonId).invitation.findMany({
    where: { salonId, acceptedAt: null, revokedAt: null },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
}

export type InvitationView = { salonName: string; email: string; role: Role; hasAccount: boolean };

/** What the invitation page shows for a link; null when it doesn't work (unknown, expired, used, revoked). */
export async function findUsableInvitation(token: string, clock: Clock = systemClock): Promise<InvitationView | null> {
  // System client: the link is how the salon is found (no one is signed in to that salon yet).
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashEmailedToken(token) },
    select: { email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true, salon: { select: { name: true } } },
  });
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt <= clock()) return null;
  const hasAccount = !!(await db.user.findUnique({ where: { email: row.email }, select: { id: true } }));
  return { salonName: row.salon.name, email: row.email, role: row.role, hasAccount };
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Marks the invitation accepted if it still works; the update is the single-use guard. */
async function claimInvitation(tx: Tx, token: string, now: Date) {
  const tokenHash = hashEmailedToken(token);
  const { count } = await tx.invitation.updateMany({
    where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  if (count === 0) throw invitationGone();
  return tx.invitation.findUniqueOrThrow({ where: { tokenHash }, select: { salonId: true, email: true, role: true } });
}

/** Someone new accepts: their account (the invitation's address) and membership, in one transaction. */
export async function acceptInvitationAsNewUser(
  input: Pick<AcceptInvitationInput, "token" | "name" | "password">,
  clock: Clock = systemClock,
): Promise<{ email: string; salonId: string; userId: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const invitation = await claimInvitation(tx, input.token, clock());
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } }))
      throw conflict("account_exists", "You already have a Bolt account. Sign in to accept the invitation.");
    const user = await tx.user.create({
      data: {
        email: invitation.email,
        name: input.name,
        passwordHash,
        memberships: { create: { salonId: invitation.salonId, role: invitation.role } },
      },
      select: { id: true },
    });
    return { email: invitation.email, salonId: invitation.salonId, userId: user.id };
  });
}

/**
 * Someone who already has an account (another salon's, or this one's before they were removed) accepts
 * by giving its password; guesses are limited like a password change. A membership they still have is kept.
 */
export async function acceptInvitationWithPassword(
  input: { token: string; password: string },
  clock: Clock = systemClock,
): Promise<{ email: string; salonId: string }> {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashEmailedToken(input.token) },
    select: { email: true },
  });
  if (!invitation) throw invitationGone();
  const limit = await consumePoints(getLimiter(PASSWORD_GUESSES), accountKey(invitation.email));
  if (!limit.allowed)
    throw new ApiError({ code: "rate_limited", status: 429, message: tooManyAttemptsMessage(limit.retryAfterSeconds) });
  const user = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true, passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, input.password)))
    throw new ApiError({ code: "wrong_password", status: 401, message: `That isn't the password for ${invitation.email}.` });
  return db.$transaction(async (tx) => {
    const claimed = await claimInvitation(tx, input.token, clock());
    await tx.membership.upsert({
      where: { salonId_userId: { salonId: claimed.salonId, userId: user.id } },
      create: { salonId: claimed.salonId, userId: user.id, role: claimed.role },
      update: {},
    });
    return { email: claimed.email, salonId: claimed.salonId };
  });
}
