// Session helpers for server components and server actions.
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/client";
import { resolveSessionFromHeaders, type SessionContext } from "@/lib/auth/session-token";

export type { SessionContext } from "@/lib/auth/session-token";

/** Where a signed-in user lands when their role may not open a page; the dashboard shows the notice. */
const ACCESS_DENIED_PATH = "/?denied=1";

/** The signed-in user's salon and role, read from the database once per request; null when signed out. */
export const getSessionContext = cache(async (): Promise<SessionContext | null> => {
  return resolveSessionFromHeaders(await headers());
});

/**
 * For pages and actions that need a user: signed out → /login; a role outside `roles` → ACCESS_DENIED_PATH
 * (a redirect rather than `forbidden()`, which would need experimental.authInterrupts).
 */
export async function requireSessionContext(opts: { roles?: Role[] } = {}): Promise<SessionContext> {
  const ctx = await getSessionContext();
  if (!ctx) redirect("/login");
  if (opts.roles && !opts.roles.includes(ctx.role)) redirect(ACCESS_DENIED_PATH);
  return ctx;
}
