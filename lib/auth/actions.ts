"use server";
// The auth pages' sign-in, sign-up and sign-out, Settings → Account (any member, their own password and
// sessions) and Settings → API keys (owners only).
// Sign-in and sign-up run before there is a session, so they parse with zod directly (same
// ActionResult shape as salonAction) instead of going through the wrapper.
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { getClientIp } from "@/lib/api/client-ip";
import { ApiError, toFieldErrors } from "@/lib/api/errors";
import { safeParseFormData } from "@/lib/api/form-data";
import { enforceSignUpRateLimit } from "@/lib/api/rate-limit";
import { salonAction, type ActionResult } from "@/lib/api/salon-action";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { changePassword, WRONG_CURRENT_PASSWORD } from "@/lib/auth/change-password";
import { signOut } from "@/lib/auth/config";
import {
  limitPasswordResetRequests,
  RESET_LINK_INVALID_MESSAGE,
  RESET_REQUESTED_MESSAGE,
  resetPassword,
  sendPasswordResetLink,
} from "@/lib/auth/password-reset";
import { revokeSession, revokeUserSessions } from "@/lib/auth/sessions";
import { rememberTrustedDevice, signInWithPassword } from "@/lib/auth/sign-in";
import { signUpSalon } from "@/lib/auth/sign-up";
import { logger } from "@/lib/logger";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/validations/api-keys";
import {
  changePasswordSchema,
  forgotPasswordSchema,
  loginSchema,
  resetPasswordSchema,
  revokeSessionSchema,
  signUpSchema,
} from "@/lib/validations/auth";

const INVALID_MESSAGE = "Please fix the highlighted fields.";
const OWNERS = { roles: ["OWNER" as const] };

const loginFormSchema = loginSchema.extend({ callbackUrl: z.string().max(2048).optional() });

function invalid(error: z.ZodError): ActionResult<never> {
  return { ok: false, error: INVALID_MESSAGE, fieldErrors: toFieldErrors(error) };
}

/** Email + password → session cookie and a redirect; any failure is one generic message. */
export async function loginAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = safeParseFormData(loginFormSchema, formData);
  if (!parsed.success) return invalid(parsed.error);
  const { callbackUrl, ...credentials } = parsed.data;
  return signInWithPassword(credentials, callbackUrl);
}

/** Creates the salon and its owner, then signs the owner in and lands on the dashboard. */
export async function signUpAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = safeParseFormData(signUpSchema, formData);
  if (!parsed.success) return invalid(parsed.error);

  try {
    await enforceSignUpRateLimit(getClientIp(await headers()));
    await signUpSalon(parsed.data);
  } catch (err) {
    if (err instanceof ApiError && err.code === "email_taken") {
      return { ok: false, error: err.message, fieldErrors: { email: [err.message] } };
    }
    if (err instanceof ApiError) return { ok: false, error: err.message };
    const requestId = randomUUID();
    logger.error({ err, requestId }, "sign-up failed");
    return { ok: false, error: `Something went wrong. Reference: ${requestId}` };
  }
  return signInWithPassword({ email: parsed.data.email, password: parsed.data.password }, "/");
}

/**
 * "Forgot password?": the same answer whether or not the address has an account. The link is looked up
 * and sent after the response, so the time taken doesn't tell either.
 */
export async function forgotPasswordAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = safeParseFormData(forgotPasswordSchema, formData);
  if (!parsed.success) return invalid(parsed.error);
  const { email } = parsed.data;
  try {
    await limitPasswordResetRequests({ email, ip: getClientIp(await headers()) });
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: err.message };
    throw err;
  }
  after(() => sendPasswordResetLink(email).catch((err) => logger.error({ err }, "sending a reset link failed")));
  return { ok: true, message: RESET_REQUESTED_MESSAGE };
}

/** The emailed link's form: a new password, every session ended, then the login page. */
export async function resetPasswordAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const parsed = safeParseFormData(resetPasswordSchema, formData);
  if (!parsed.success) return invalid(parsed.error);
  const result = await resetPassword(parsed.data);
  if (!result.ok) return { ok: false, error: RESET_LINK_INVALID_MESSAGE };
  redirect("/login?reset=1");
}

/** Ends this session (Auth.js's signOut event revokes its row), clears the cookie, back to the login page. */
export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

export const changePasswordAction = salonAction(changePasswordSchema, async (input, ctx) => {
  const result = await changePassword(ctx.userId, input, { keepSessionId: ctx.sessionId });
  if (!result.ok) {
    return { ok: false, error: WRONG_CURRENT_PASSWORD, fieldErrors: { currentPassword: [WRONG_CURRENT_PASSWORD] } };
  }
  // The device's trust was signed over the old password; this browser just proved it knows the new one.
  await rememberTrustedDevice();
  revalidatePath("/settings/account");
  const others = result.endedSessions;
  return {
    ok: true,
    message:
      others > 0
        ? `Password changed. Signed out ${others} other session${others === 1 ? "" : "s"}.`
        : "Password changed.",
  };
});

/** Signs out one of your other browsers (this one goes through Sign out, which also clears the cookie). */
export const revokeSessionAction = salonAction(revokeSessionSchema, async ({ id }, ctx) => {
  if (id === ctx.sessionId) return { ok: false, error: "To sign out this browser, use Sign out." };
  // Scoped to the caller: another user's session id ends nothing.
  if (!(await revokeSession(id, { userId: ctx.userId }))) return { ok: false, error: "That session has already ended." };
  revalidatePath("/settings/account");
  return { ok: true, message: "Signed out that browser." };
});

/** Ends every session of the user, this one included, and returns to the login page. */
export const signOutEverywhereAction = salonAction(z.object({}), async (_input, ctx) => {
  await revokeUserSessions(ctx.userId);
  await signOut({ redirectTo: "/login" });
});

export const createApiKeyAction = salonAction(
  createApiKeySchema,
  async (input, ctx) => {
    const { plaintextKey, apiKey } = await createApiKey(ctx.salonId, {
      ...input,
      createdByUserId: ctx.userId,
    });
    revalidatePath("/settings/api-keys");
    // The only time the plaintext leaves the server; the dialog shows it once.
    return { ok: true, message: `Key “${apiKey.name}” created.`, data: { plaintextKey, name: apiKey.name } };
  },
  OWNERS,
);

export const revokeApiKeyAction = salonAction(
  revokeApiKeySchema,
  async ({ id }, ctx) => {
    await revokeApiKey(ctx.salonId, id);
    revalidatePath("/settings/api-keys");
    return { ok: true, message: "Key revoked. Apps using it can no longer connect." };
  },
  OWNERS,
);
