// Settings → Account: a signed-in user changes their own password. The current password is required (a
// borrowed, unlocked browser must not be enough), guesses at it are limited like sign-in, and every other
// session of the user ends, since a password change is what someone does after suspecting a leak.
import { ApiError } from "@/lib/api/errors";
import { consumePoints, getLimiter, type LimiterOptions } from "@/lib/api/rate-limit-store";
import { tooManyAttemptsMessage } from "@/lib/auth/login-throttle";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import type { ChangePasswordInput } from "@/lib/validations/auth";

const PASSWORD_CHANGE_LIMIT: LimiterOptions = {
  keyPrefix: "password-change",
  points: 10,
  durationSeconds: 15 * 60,
  blockSeconds: 15 * 60,
};

export const WRONG_CURRENT_PASSWORD = "That isn't your current password.";

export type ChangePasswordResult = { ok: true; endedSessions: number } | { ok: false; reason: "wrong_password" };

/** Checks the current password, stores the new one and ends the user's sessions other than `keepSessionId`. */
export async function changePassword(
  userId: string,
  input: Pick<ChangePasswordInput, "currentPassword" | "newPassword">,
  opts: { keepSessionId: string },
): Promise<ChangePasswordResult> {
  const limit = await consumePoints(getLimiter(PASSWORD_CHANGE_LIMIT), userId);
  if (!limit.allowed) {
    throw new ApiError({
      code: "rate_limited",
      status: 429,
      message: tooManyAttemptsMessage(limit.retryAfterSeconds),
    });
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, reason: "wrong_password" };
  }
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(input.newPassword) } });
  const endedSessions = await revokeUserSessions(userId, { except: opts.keepSessionId });
  return { ok: true, endedSessions };
}
