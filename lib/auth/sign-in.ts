// Password sign-in for the login server action: success redirects (by throwing Next's redirect), any
// failure comes back as the message to show, never as an exception page.
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { LoginFailedError, signIn } from "@/lib/auth/config";
import { LOGIN_FAILED_MESSAGE } from "@/lib/auth/login-throttle";
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
    await signIn("credentials", { email: input.email, password: input.password, redirectTo: target });
  } catch (err) {
    if (err instanceof LoginFailedError) return { ok: false, error: err.userMessage };
    if (err instanceof CredentialsSignin) return { ok: false, error: LOGIN_FAILED_MESSAGE };
    if (err instanceof AuthError) {
      logger.error({ err }, "sign-in failed unexpectedly");
      return { ok: false, error: "Something went wrong. Please try again." };
    }
    throw err; // Next's redirect after a successful sign-in
  }
  // signIn redirects on success; this line only runs if that ever changes.
  redirect(target);
}
