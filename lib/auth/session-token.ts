// Reads the signed-in user from the Auth.js session cookie and loads salon and role from the database.
// Decoding the cookie directly (rather than calling `auth()`) works the same in route handlers, server
// components and tests, and needs no request-scoped Next.js APIs. Role changes apply on the next request.
import { getToken } from "next-auth/jwt";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/client";

export type SessionContext = {
  userId: string;
  email: string;
  name: string;
  salonId: string;
  salonName: string;
  role: Role;
};

export type SessionToken = { userId: string; salonId: string };

/** The `userId` and active `salonId` from a valid, unexpired session cookie; null otherwise. */
export async function readSessionToken(headers: Headers): Promise<SessionToken | null> {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  // Only the cookie is passed on: getToken would otherwise also try an Authorization: Bearer header.
  const req = { headers: new Headers({ cookie }) };
  // https deployments use the "__Secure-" cookie name, plain http the bare one; each is salted by its name.
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req, secret: env.AUTH_SECRET, secureCookie });
    if (token && typeof token.userId === "string" && typeof token.salonId === "string") {
      return { userId: token.userId, salonId: token.salonId };
    }
  }
  return null;
}

/** The membership behind a session, or null once the user or their membership is gone. */
async function loadSessionContext(token: SessionToken): Promise<SessionContext | null> {
  // System client: this is the step that establishes which salon the request may see.
  const membership = await db.membership.findUnique({
    where: { salonId_userId: { salonId: token.salonId, userId: token.userId } },
    select: { role: true, user: { select: { email: true, name: true } }, salon: { select: { name: true } } },
  });
  if (!membership) return null;
  return {
    userId: token.userId,
    email: membership.user.email,
    name: membership.user.name,
    salonId: token.salonId,
    salonName: membership.salon.name,
    role: membership.role,
  };
}

/** Cookie → session context in one call (used by the route wrapper and `getSessionContext`). */
export async function resolveSessionFromHeaders(headers: Headers): Promise<SessionContext | null> {
  const token = await readSessionToken(headers);
  return token ? loadSessionContext(token) : null;
}
