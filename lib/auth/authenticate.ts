// Password sign-in: throttle check, constant-time-ish lookup and verify, failure accounting.
// Called by the Credentials provider; every failure gives the same message so accounts can't be probed.
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db";
import { getDummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import {
  checkLoginThrottle,
  clearLoginFailures,
  LOGIN_FAILED_MESSAGE,
  recordLoginFailure,
  tooManyAttemptsMessage,
} from "@/lib/auth/login-throttle";

export type AuthenticatedUser = { id: string; email: string; name: string; salonId: string };

export type AuthenticateResult =
  { ok: true; user: AuthenticatedUser } | { ok: false; reason: "invalid" | "throttled"; message: string };

export async function authenticateWithPassword(
  input: { email: string; password: string; ip: string },
  opts: { delay?: (ms: number) => Promise<unknown> } = {},
): Promise<AuthenticateResult> {
  const attempt = { email: input.email.trim().toLowerCase(), ip: input.ip };
  const throttle = await checkLoginThrottle(attempt);
  if (throttle.blocked) {
    return { ok: false, reason: "throttled", message: tooManyAttemptsMessage(throttle.retryAfterSeconds) };
  }
  if (throttle.delayMs > 0) await (opts.delay ?? sleep)(throttle.delayMs);

  const user = await db.user.findUnique({
    where: { email: attempt.email },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      // The first salon joined is the active one after sign-in.
      memberships: { select: { salonId: true }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  });
  // Verify against a dummy hash for unknown emails so response time doesn't reveal which accounts exist.
  const valid = await verifyPassword(user?.passwordHash ?? (await getDummyPasswordHash()), input.password);
  const salonId = user?.memberships[0]?.salonId;
  if (!user || !valid || !salonId) {
    await recordLoginFailure(attempt);
    return { ok: false, reason: "invalid", message: LOGIN_FAILED_MESSAGE };
  }

  await clearLoginFailures(attempt);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, salonId } };
}
