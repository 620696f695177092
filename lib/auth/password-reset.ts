// "Forgot password?": a reset link by e-mail, then a new password through it. The request always gets the
// same answer, whether or not the address has an account; it is rate-limited per address and per IP.
// The link is single-use and short-lived (PASSWORD_RESET_TTL_MINUTES); using it ends every session.
import { ApiError } from "@/lib/api/errors";
import { consumePoints, getLimiter, type LimiterOptions } from "@/lib/api/rate-limit-store";
import { accountKey, tooManyAttemptsMessage } from "@/lib/auth/login-throttle";
import { emailedLink, hashEmailedToken, newEmailedToken, RESET_PASSWORD_PATH } from "@/lib/auth/emailed-tokens";
import { hashPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { env, isTwilioSandbox } from "@/lib/env";
import { logger } from "@/lib/logger";
import { sendEmail } from "@/lib/messaging/send-email";
import { systemClock, type Clock } from "@/lib/time/clock";

const log = logger.child({ module: "password-reset" });

const PER_EMAIL: LimiterOptions = { keyPrefix: "password-reset-email", points: 3, durationSeconds: 60 * 60 };
const PER_IP: LimiterOptions = { keyPrefix: "password-reset-ip", points: 10, durationSeconds: 60 * 60 };

export const RESET_REQUESTED_MESSAGE =
  "If that address has a Bolt account, we've sent it a link to reset the password. Check your inbox.";
export const RESET_LINK_INVALID_MESSAGE = "This reset link has expired or was already used. Ask for a new one.";

async function enforceLimit(opts: LimiterOptions, key: string): Promise<void> {
  const result = await consumePoints(getLimiter(opts), key);
  if (!result.allowed)
    throw new ApiError({ code: "rate_limited", status: 429, message: tooManyAttemptsMessage(result.retryAfterSeconds) });
}

function resetEmailBody(name: string, link: string): string {
  return [
    `Hi ${name},`,
    "",
    `Someone (hopefully you) asked to reset your Bolt password. Choose a new one here within ${env.PASSWORD_RESET_TTL_MINUTES} minutes:`,
    "",
    link,
    "",
    "The link works once. If you didn't ask, ignore this e-mail: your password stays as it is.",
  ].join("\n");
}

/** Counts a request against the limits (every address counts, so a 429 says nothing about accounts). */
export async function limitPasswordResetRequests(input: { email: string; ip: string }): Promise<void> {
  // Keys hashed like the login throttle's: the shared table holds neither addresses nor IPs.
  await enforceLimit(PER_IP, hashEmailedToken(`ip:${input.ip}`));
  await enforceLimit(PER_EMAIL, accountKey(input.email));
}

/** Sends a reset link when `email` belongs to a member of some salon; otherwise does nothing. */
export async function sendPasswordResetLink(email: string, clock: Clock = systemClock): Promise<void> {
  const user = await db.user.findUnique({
    where: { email },
    // E-mail goes out through a salon's channel: the first salon joined, as at sign-in.
    select: { id: true, name: true, memberships: { select: { salonId: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  const salonId = user?.memberships[0]?.salonId;
  if (!user || !salonId) return;
  // Without SMTP the link would stay readable in the salon's Notifications list: fine in the sandbox only.
  if (!env.SMTP_URL && !isTwilioSandbox()) {
    log.warn({ userId: user.id }, "password reset asked for, but SMTP_URL is not set: no link sent");
    return;
  }

  const now = clock();
  const { token, tokenHash } = newEmailedToken();
  await db.$transaction([
    // Only the newest link works.
    db.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } }),
    db.passwordResetToken.create({
      data: { userId: user.id, tokenHash, expiresAt: new Date(now.getTime() + env.PASSWORD_RESET_TTL_MINUTES * 60_000) },
    }),
  ]);
  await sendEmail({
    salonId,
    kind: "STAFF_ALERT",
    subject: "Reset your Bolt password",
    body: resetEmailBody(user.name, emailedLink(RESET_PASSWORD_PATH, token)),
    to: { email },
  });
}

/** Whether a link still works (the reset page shows the form or "ask for a new one"); uses nothing up. */
export async function isPasswordResetTokenUsable(token: string, clock: Clock = systemClock): Promise<boolean> {
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashEmailedToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  return !!row && !row.usedAt && row.expiresAt > clock();
}

/** Uses the link once: stores the new password and ends every session of the user. */
export async function resetPassword(
  input: { token: string; newPassword: string },
  clock: Clock = systemClock,
): Promise<{ ok: true; email: string } | { ok: false }> {
  const passwordHash = await hashPassword(input.newPassword);
  const now = clock();
  const used = await db.$transaction(async (tx) => {
    const row = await tx.passwordResetToken.findUnique({
      where: { tokenHash: hashEmailedToken(input.token) },
      select: { id: true, userId: true, user: { select: { email: true } } },
    });
    if (!row) return null;
    // The claim is the single-use guard: two submits of one link can't both get here.
    const { count } = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count === 0) return null;
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    return row;
  });
  if (!used) return { ok: false };
  await revokeUserSessions(used.userId, { clock });
  return { ok: true, email: used.user.email };
}
