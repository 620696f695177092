// Reads the signed-in user from the Auth.js session cookie and loads salon and role from the database.
// Decoding the cookie directly (rather than calling `auth()`) works the same in route handlers, server
// components and tests, and needs no request-scoped Next.js APIs. Role changes apply on the next request,
// and so does a revoked session: the cookie names a "sessions" row that must still be live.
import { getToken } from "next-auth/jwt";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/client";
import { systemClock, type Clock } from "@/lib/time/clock";

/** lastSeenAt is only for the account page's list, so it is written at most this often, not per request. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export type SessionContext = {
  userId: string;
  email: string;
  name: string;
  salonId: string;
  salonName: string;
  role: Role;
  /** The "sessions" row behind the cookie. */
  sessionId: string;
};

export type SessionToken = { userId: string; salonId: string; sessionId: string };

/** The `userId`, active `salonId` and session id from a valid, unexpired session cookie; null otherwise. */
export async function readSessionToken(headers: Headers): Promise<SessionToken | null> {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  // Only the cookie is passed on: getToken would otherwise also try an Authorization: Bearer header.
  const req = { headers: new Headers({ cookie }) };
  // https deployments use the "__Secure-" cookie name, plain http the bare one; each is salted by its name.
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req, secret: env.AUTH_SECRET, secureCookie });
    // A cookie without `sid` predates revocable sessions and can't be revoked, so it no longer counts.
    if (token && typeof token.userId === "string" && typeof token.salonId === "string") {
      return typeof token.sid === "string"
        ? { userId: token.userId, salonId: token.salonId, sessionId: token.sid }
        : null;
    }
  }
  return null;
}

type SessionRow = { role: Role; email: string; name: string; salonName: string; lastSeenAt: Date };

/** The membership behind a session, or null once the session is revoked or the user or membership is gone. */
async function loadSessionContext(token: SessionToken, clock: Clock): Promise<SessionContext | null> {
  // System client: this is the step that establishes which salon the request may see. One query checks
  // the session row and loads the membership, so revocation costs no extra round trip.
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT m."role", u."email", u."name", sa."name" AS "salonName", s."lastSeenAt"
    FROM "memberships" m
    JOIN "users" u ON u."id" = m."userId"
    JOIN "salons" sa ON sa."id" = m."salonId"
    JOIN "sessions" s ON s."id" = ${token.sessionId} AND s."userId" = m."userId" AND s."revokedAt" IS NULL
    WHERE m."salonId" = ${token.salonId} AND m."userId" = ${token.userId}`;
  const row = rows[0];
  if (!row) return null;
  const now = clock();
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.session.updateMany({ where: { id: token.sessionId }, data: { lastSeenAt: now } });
  }
  return {
    userId: token.userId,
    email: row.email,
    name: row.name,
    salonId: token.salonId,
    salonName: row.salonName,
    role: row.role,
    sessionId: token.sessionId,
  };
}

/** Cookie → session context in one call (used by the route wrapper and `getSessionContext`). */
export async function resolveSessionFromHeaders(
  headers: Headers,
  clock: Clock = systemClock,
): Promise<SessionContext | null> {
  const token = await readSessionToken(headers);
  return token ? loadSessionContext(token, clock) : null;
}
