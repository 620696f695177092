// "This browser has signed in as this user before": a long-lived cookie that lets the owner past the
// account-wide login back-off a stranger may have run up (still within its own account+IP limit).
// HMAC-signed with AUTH_SECRET rather than stored: it grants nothing without the password, so a table
// (and a lookup before every throttle decision) buys little; it is signed over the user's password
// hash, so changing the password untrusts every device at once.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

export const TRUSTED_DEVICE_COOKIE = "bolt-trusted-device";
export const TRUSTED_DEVICE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;
// A shared front-desk computer may be trusted for a few staff; the oldest entries drop off.
const MAX_USERS_PER_DEVICE = 5;

type TrustedUser = { id: string; passwordHash: string };

function signature(userId: string, issuedAt: number, passwordHash: string): string {
  return createHmac("sha256", env.AUTH_SECRET)
    .update(`bolt.trusted-device\0${userId}\0${issuedAt}\0${passwordHash}`)
    .digest("base64url");
}

function entries(cookieValue: string | undefined): string[] {
  return (cookieValue ?? "").split("~").filter((e) => /^[\w-]+\.\d+\.[\w-]+$/.test(e));
}

/** The cookie's value from a Cookie request header, if present. */
export function readTrustedDeviceCookie(cookieHeader: string | null): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === TRUSTED_DEVICE_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** True when the cookie holds an unexpired, correctly signed entry for `user` (with its current password). */
export function isTrustedDevice(cookieValue: string | undefined, user: TrustedUser, now: Date): boolean {
  return trustedDeviceId(cookieValue, user, now) !== null;
}

/**
 * The device's identity for the login throttle (its entry's signature: unique per browser and sign-in,
 * unguessable), or null when the cookie holds no valid entry for `user`.
 */
export function trustedDeviceId(cookieValue: string | undefined, user: TrustedUser, now: Date): string | null {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const valid = entries(cookieValue).find((entry) => {
    const [userId, issued, sig] = entry.split(".") as [string, string, string];
    if (userId !== user.id) return false;
    const issuedAt = Number(issued);
    if (nowSeconds - issuedAt > TRUSTED_DEVICE_MAX_AGE_SECONDS || issuedAt > nowSeconds + 60) return false;
    const expected = Buffer.from(signature(userId, issuedAt, user.passwordHash));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return valid ? valid.split(".")[2]! : null;
}

/** The cookie value after `user` signed in on this device: their entry renewed, others kept (newest last). */
export function trustDevice(cookieValue: string | undefined, user: TrustedUser, now: Date): string {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const others = entries(cookieValue).filter((e) => !e.startsWith(`${user.id}.`));
  const mine = `${user.id}.${issuedAt}.${signature(user.id, issuedAt, user.passwordHash)}`;
  return [...others, mine].slice(-MAX_USERS_PER_DEVICE).join("~");
}
