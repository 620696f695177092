"use server";
// Settings → Team (owners only, enforced here by salonAction) and the invitation link's two forms, which
// run before there is a session: they parse with zod directly and end by signing the new member in.
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { ApiError, toFieldErrors } from "@/lib/api/errors";
import { safeParseFormData } from "@/lib/api/form-data";
import { salonAction, type ActionResult } from "@/lib/api/salon-action";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { logger } from "@/lib/logger";
import {
  acceptInvitationAsNewUser,
  acceptInvitationWithPassword,
  inviteMember,
  resendInvitation,
  revokeInvitation,
} from "@/lib/team/invitations";
import { changeMemberRole, removeMember } from "@/lib/team/members";
import {
  acceptInvitationSchema,
  acceptWithPasswordSchema,
  changeMemberRoleSchema,
  invitationIdSchema,
  inviteMemberSchema,
  removeMemberSchema,
} from "@/lib/validations/team";

const OWNERS = { roles: ["OWNER" as const] };
const TEAM_PATH = "/settings/team";

export const inviteMemberAction = salonAction(
  inviteMemberSchema,
  async (input, ctx) => {
    await inviteMember(ctx.salonId, ctx.userId, input);
    revalidatePath(TEAM_PATH);
    return { ok: true, message: `Invitation sent to ${input.email}.` };
  },
  OWNERS,
);

export const resendInvitationAction = salonAction(
  invitationIdSchema,
  async ({ id }, ctx) => {
    const { email } = await resendInvitation(ctx.salonId, id, ctx.userId);
    revalidatePath(TEAM_PATH);
    return { ok: true, message: `Sent a new link to ${email}. The old one no longer works.` };
  },
  OWNERS,
);

export const revokeInvitationAction = salonAction(
  invitationIdSchema,
  async ({ id }, ctx) => {
    await revokeInvitation(ctx.salonId, id);
    revalidatePath(TEAM_PATH);
    return { ok: true, message: "Invitation revoked. Its link no longer works." };
  },
  OWNERS,
);

export const changeMemberRoleAction = salonAction(
  changeMemberRoleSchema,
  async ({ userId, role }, ctx) => {
    await changeMemberRole(ctx.salonId, userId, role);
    revalidatePath(TEAM_PATH);
    return { ok: true, message: role === "OWNER" ? "Now an owner." : "Now staff." };
  },
  OWNERS,
);

export const removeMemberAction = salonAction(
  removeMemberSchema,
  async ({ userId }, ctx) => {
    await removeMember(ctx.salonId, userId, ctx.userId);
    revalidatePath(TEAM_PATH);
    return { ok: true, message: "Removed from the team and signed out everywhere." };
  },
  OWNERS,
);

/** Runs a public invitation form: zod, the domain call, then sign-in; ApiErrors become the form's message. */
async function acceptThenSignIn<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  accept: (input: z.output<S>) => Promise<{ email: string }>,
  password: (input: z.output<S>) => string,
): Promise<ActionResult> {
  const parsed = safeParseFormData(schema, formData);
  if (!parsed.success)
    return { ok: false, error: "Please fix the highlighted fields.", fieldErrors: toFieldErrors(parsed.error) };
  let email: string;
  try {
    ({ email } = await accept(parsed.data));
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: err.message };
    const requestId = randomUUID();
    logger.error({ err, requestId }, "accepting an invitation failed");
    return { ok: false, error: `Something went wrong. Reference: ${requestId}` };
  }
  return signInWithPassword({ email, password: password(parsed.data) }, "/");
}

/** Someone new: name and password create the account, then they are signed in. */
export async function acceptInvitationAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  return acceptThenSignIn(acceptInvitationSchema, formData, (input) => acceptInvitationAsNewUser(input), (input) => input.password);
}

/** An existing account: its password adds the membership, then they are signed in. */
export async function acceptWithPasswordAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  return acceptThenSignIn(acceptWithPasswordSchema, formData, (input) => acceptInvitationWithPassword(input), (input) => input.password);
}
