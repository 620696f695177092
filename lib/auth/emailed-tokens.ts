// The tokens in emailed links (team invitations, "forgot password"): 32 random bytes, sent once in the
// link as base64url; only their sha256 is stored, so a database read can't be turned into a working link.
import { createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

export type EmailedToken = { token: string; tokenHash: string };

export function hashEmailedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newEmailedToken(): EmailedToken {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashEmailedToken(token) };
}

/** The link's paths; the token is the last segment. */
export const INVITE_PATH = "/invite";
export const RESET_PASSWORD_PATH = "/reset-password";

export function emailedLink(path: typeof INVITE_PATH | typeof RESET_PASSWORD_PATH, token: string): string {
  return `${env.PUBLIC_BASE_URL.replace(/\/+$/, "")}${path}/${token}`;
}

const LINK_TOKEN = /(\/(?:invite|reset-password)\/)[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

/**
 * The body as kept once the mail server has it: the salon's Notifications list shows sent e-mails to
 * every member, and a coworker must not be able to use someone's reset link from there.
 */
export function redactEmailedLinks(body: string): string {
  return body.replace(LINK_TOKEN, "$1[link removed after sending]");
}
