// Settings → Team and the invitation link: the owners' forms and the invitee's.
import { z } from "zod";
import { emailedTokenSchema, emailSchema, newPasswordSchema } from "@/lib/validations/auth";

const roleSchema = z.enum(["OWNER", "STAFF"], { error: "Choose Owner or Staff." });
const idSchema = z.string().min(1).max(64);

export const inviteMemberSchema = z.object({ email: emailSchema, role: roleSchema.default("STAFF") }).strict();
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

/** Resend or revoke a pending invitation, by id. */
export const invitationIdSchema = z.object({ id: idSchema }).strict();

export const changeMemberRoleSchema = z.object({ userId: idSchema, role: roleSchema }).strict();
export const removeMemberSchema = z.object({ userId: idSchema }).strict();

/** Accepting as someone new: the account is created with the invitation's email. */
export const acceptInvitationSchema = z
  .object({
    token: emailedTokenSchema,
    name: z.string({ error: "Enter your name." }).trim().min(1, "Enter your name.").max(120, "Use at most 120 characters."),
    password: newPasswordSchema,
  })
  .strict();
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

/** Accepting with the account the address already has: its password. */
export const acceptWithPasswordSchema = z
  .object({
    token: emailedTokenSchema,
    password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024, "Password is too long."),
  })
  .strict();
