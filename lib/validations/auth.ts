// Sign-in and sign-up input, shared by the Credentials provider, the auth server actions and POST /api/auth/signup.
import { z } from "zod";
import { timeZoneSchema } from "@/lib/salons/business-hours";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "Email is too long.")
  .pipe(z.email({ error: "Enter a valid email address." }));

export const loginSchema = z.object({
  email: emailSchema,
  // Capped so nobody can make us hash megabytes; no other rules at sign-in (old passwords stay valid).
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(1024, "Password is too long."),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(10, "Use at least 10 characters.")
  .max(1024, "Password is too long.");

export const signUpSchema = z
  .object({
    salonName: z
      .string({ error: "Enter your salon's name." })
      .trim()
      .min(2, "Enter your salon's name.")
      .max(120, "Use at most 120 characters."),
    ownerName: z
      .string({ error: "Enter your name." })
      .trim()
      .min(1, "Enter your name.")
      .max(120, "Use at most 120 characters."),
    email: emailSchema,
    password: newPasswordSchema,
    timeZone: timeZoneSchema,
  })
  .strict();
export type SignUpInput = z.infer<typeof signUpSchema>;

/** A new password typed twice; with `.refine(...passwordsMatch)` the two must match. */
const newPasswordFields = {
  newPassword: newPasswordSchema,
  confirmPassword: z.string({ error: "Type the new password again." }).max(1024),
};
const passwordsMatch: [(v: { newPassword: string; confirmPassword: string }) => boolean, { path: string[]; message: string }] = [
  (v) => v.newPassword === v.confirmPassword,
  { path: ["confirmPassword"], message: "The passwords don't match." },
];

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Enter your current password." })
      .min(1, "Enter your current password.")
      .max(1024, "Password is too long."),
    ...newPasswordFields,
  })
  .strict()
  .refine(...passwordsMatch);
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** One of your own signed-in browsers, by its session id (Settings → Account). */
export const revokeSessionSchema = z.object({ id: z.string().min(1).max(64) }).strict();

/** "Forgot password?": the address to send a reset link to. */
export const forgotPasswordSchema = z.object({ email: emailSchema }).strict();

/** The token from an emailed link (base64url of 32 random bytes), read from the page's hidden field. */
export const emailedTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid. Ask for a new one.");

export const resetPasswordSchema = z
  .object({ token: emailedTokenSchema, ...newPasswordFields })
  .strict()
  .refine(...passwordsMatch);
