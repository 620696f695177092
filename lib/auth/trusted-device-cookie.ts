// Sets the trusted-device cookie after a successful sign-in, by either path: the login form's server
// action (lib/auth/sign-in.ts) and a direct POST to Auth.js's credentials callback (the route). Success is
// read from the session cookie the sign-in just set, never assumed: Auth.js can return without throwing on
// a failed sign-in (a request carrying X-Auth-Return-Redirect).
import { readSessionToken } from "@/lib/auth/session-token";
import {
  readTrustedDeviceCookie,
  TRUSTED_DEVICE_COOKIE,
  TRUSTED_DEVICE_MAX_AGE_SECONDS,
  trustDevice,
} from "@/lib/auth/trusted-device";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { systemClock } from "@/lib/time/clock";

// Written out again as a header string in withTrustedDeviceCookie below.
export const TRUSTED_DEVICE_COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  maxAge: TRUSTED_DEVICE_MAX_AGE_SECONDS,
};

/** The cookie's new value for the user the session cookie names; null when there is no valid session. */
export async function trustedDeviceValueFor(
  cookieHeader: string,
  currentValue: string | undefined,
): Promise<string | null> {
  const session = await readSessionToken(new Headers({ cookie: cookieHeader }));
  if (!session) return null;
  const user = await db.user.findUnique({ where: { id: session.userId }, select: { id: true, passwordHash: true } });
  return user ? trustDevice(currentValue, user, systemClock()) : null;
}

export const secureCookies = () => new URL(env.PUBLIC_BASE_URL).protocol === "https:";

/** Wraps Auth.js's POST handler: a response that signs someone in also marks the browser as trusted. */
export function withTrustedDeviceCookie<R extends Request>(
  handler: (req: R) => Promise<Response>,
): (req: R) => Promise<Response> {
  return async (req) => {
    const res = await handler(req);
    const set = res.headers.getSetCookie().map((c) => c.split(";")[0]!);
    if (!set.some((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?=./.test(c))) return res;
    const value = await trustedDeviceValueFor(set.join("; "), readTrustedDeviceCookie(req.headers.get("cookie")));
    if (!value) return res;
    const headers = new Headers(res.headers);
    // The value is base64url, digits, "." and "~": nothing to encode.
    const attributes = `Path=/; Max-Age=${TRUSTED_DEVICE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax`;
    headers.append("set-cookie", `${TRUSTED_DEVICE_COOKIE}=${value}; ${attributes}${secureCookies() ? "; Secure" : ""}`);
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
}
