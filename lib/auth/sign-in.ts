// Password sign-in for the login server action: success redirects (by throwing Next's redirect), any
// failure comes back as the message to show, never as an exception page. A success also marks this
// browser as a trusted device for the user (see lib/auth/trusted-device.ts).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { LoginFailedError, signIn } from "@/lib/auth/config";
import { LOGIN_FAILED_MESSAGE } from "@/lib/auth/login-throttle";
import { TRUSTED_DEVICE_COOKIE } from "@/lib/auth/trusted-device";
import {
  secureCookies,
  TRUSTED_DEVICE_COOKIE_OPTIONS,
  trustedDeviceValueFor,
} from "@/lib/auth/trusted-device-cookie";
import { logger } from "@/lib/logger";
import type { LoginInput } from "@/lib/validations/auth";

/** Only same-site paths, so `?callbackUrl=https://evil.example` can't turn sign-in into an open redirect. */
function safeRedirectPath(path: string | null | undefined, fallback = "/"): string {
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}

export async function signInWithPassword(
  input: LoginInput,
  redirectTo?: string | null,
): Promise<{ ok: false; error: string }> {
  const target = safeRedirectPath(redirectTo);
  try {
    await signIn("credentials", { email: input.email, password: input.password, redirectTo: target, redirect: false });
  } catch (err) {
    if (err instanceof LoginFailedError) return { ok: false, error: err.userMessage };
    if (err instanceof CredentialsSignin) return { ok: false, error: LOGIN_FAILED_MESSAGE };
    if (err instanceof AuthError) {
      logger.error({ err }, "sign-in failed unexpectedly");
      return { ok: false, error: "Something went wrong. Please try again." };
    }
    throw err;
  }
  await rememberTrustedDevice();
  redirect(target);
}

/** Marks this browser as trusted for the user its session cookie names (after sign-in or a password change). */
export async function rememberTrustedDevice(): Promise<void> {
  const jar = await cookies();
  const cookieHeader = jar
    .getAll()
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");
  const value = await trustedDeviceValueFor(cookieHeader, jar.get(TRUSTED_DEVICE_COOKIE)?.value);
  if (value) jar.set(TRUSTED_DEVICE_COOKIE, value, { ...TRUSTED_DEVICE_COOKIE_OPTIONS, secure: secureCookies() });
}
