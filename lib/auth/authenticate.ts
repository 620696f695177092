// Password sign-in: the user is looked up (a trusted device is counted on its own), the attempt is counted
// atomically, and only then is the password verified. Called by the Credentials provider; every failure gives the same message so accounts can't be probed.
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db";
import { getDummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import {
  consumeAccountAttempt,
  consumeLoginAttempt,
  LOGIN_FAILED_MESSAGE,
  settleSuccessfulLogin,
  tooManyAttemptsMessage,
} from "@/lib/auth/login-throttle";
import { trustedDeviceId } from "@/lib/auth/trusted-device";
import { systemClock, type Clock } from "@/lib/time/clock";

export type AuthenticatedUser = { id: string; email: string; name: string; salonId: string };

export type AuthenticateResult =
  { ok: true; user: AuthenticatedUser } | { ok: false; reason: "invalid" | "throttled"; message: string };

const throttled = (retryAfterSeconds: number): AuthenticateResult => ({
  ok: false,
  reason: "throttled",
  message: tooManyAttemptsMessage(retryAfterSeconds),
});

export async function authenticateWithPassword(
  input: { email: string; password: string; ip: string; trustedDeviceCookie?: string },
  opts: { delay?: (ms: number) => Promise<unknown>; clock?: Clock } = {},
): Promise<AuthenticateResult> {
  const email = input.email.trim().toLowerCase();
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      // The first salon joined is the active one after sign-in.
      memberships: { select: { salonId: true }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  });
  const now = (opts.clock ?? systemClock)();
  const device = user ? (trustedDeviceId(input.trustedDeviceCookie, user, now) ?? undefined) : undefined;

  // Counted atomically before the password is checked, so parallel guesses can't outrun the count.
  const admitted = await consumeLoginAttempt({ email, ip: input.ip, device });
  if (admitted.blocked) return throttled(admitted.retryAfterSeconds);
  const { receipt } = admitted;
  if (!device) {
    const backOff = await consumeAccountAttempt(receipt);
    if (backOff.blocked) return throttled(backOff.retryAfterSeconds);
    if (backOff.delayMs > 0) await (opts.delay ?? sleep)(backOff.delayMs);
  }

  // Verify against a dummy hash for unknown emails so response time doesn't reveal which accounts exist.
  const valid = await verifyPassword(user?.passwordHash ?? (await getDummyPasswordHash()), input.password);
  const salonId = user?.memberships[0]?.salonId;
  if (!user || !valid || !salonId) return { ok: false, reason: "invalid", message: LOGIN_FAILED_MESSAGE };

  await settleSuccessfulLogin(receipt);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, salonId } };
}
