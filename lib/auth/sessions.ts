// Revocable sign-in sessions: one "sessions" row per signed-in browser, its id carried in the JWT as `sid`
// and checked on every request (lib/auth/session-token.ts). Ending a session = stamping revokedAt.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { systemClock, type Clock } from "@/lib/time/clock";

/** Same as the JWT's maxAge: older rows can't be behind a live cookie, so lists leave them out. */
export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

/** "Chrome on macOS"; a rough label for the account page, never used for a decision. */
export function summarizeUserAgent(ua: string | null | undefined): string | null {
  if (!ua) return null;
  const browser =
    [
      [/Edg\//, "Edge"],
      [/OPR\/|Opera/, "Opera"],
      [/Firefox\//, "Firefox"],
      [/Chrome\/|CriOS\//, "Chrome"],
      [/Safari\//, "Safari"],
    ].find(([re]) => (re as RegExp).test(ua))?.[1] ?? "Browser";
  const os =
    [
      [/iPhone|iPad|iPod/, "iOS"],
      [/Android/, "Android"],
      [/Mac OS X|Macintosh/, "macOS"],
      [/Windows/, "Windows"],
      [/CrOS/, "ChromeOS"],
      [/Linux/, "Linux"],
    ].find(([re]) => (re as RegExp).test(ua))?.[1] ?? null;
  return os ? `${browser} on ${os}` : (browser as string);
}

/** Records a new session at sign-in; its id goes into the JWT. */
export async function startSession(
  userId: string,
  client: { userAgent?: string | null; ip?: string | null },
): Promise<string> {
  const row = await db.session.create({
    data: { userId, userAgent: summarizeUserAgent(client.userAgent), ip: client.ip?.slice(0, 64) ?? null },
    select: { id: true },
  });
  return row.id;
}

/**
 * Ends one session (sign-out; with `userId`, only if it is that user's: the account page's per-browser
 * sign-out). Unknown, foreign or already-ended ids are a no-op; returns whether one was ended.
 */
export async function revokeSession(
  sessionId: string,
  opts: { userId?: string; clock?: Clock } = {},
): Promise<boolean> {
  const { count } = await db.session.updateMany({
    where: { id: sessionId, revokedAt: null, ...(opts.userId ? { userId: opts.userId } : {}) },
    data: { revokedAt: (opts.clock ?? systemClock)() },
  });
  return count > 0;
}

/**
 * Ends every session of a user, except `except` (the one making a password change). Used by password
 * change, "Sign out everywhere" and, later, member removal. Returns how many were ended.
 */
export async function revokeUserSessions(
  userId: string,
  opts: { except?: string; clock?: Clock } = {},
): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { userId, revokedAt: null, ...(opts.except ? { id: { not: opts.except } } : {}) },
    data: { revokedAt: (opts.clock ?? systemClock)() },
  });
  return count;
}

export type ActiveSession = { id: string; userAgent: string | null; lastSeenAt: Date; createdAt: Date };

/** The user's live sessions, most recently used first. */
export async function listActiveSessions(userId: string, clock: Clock = systemClock): Promise<ActiveSession[]> {
  const since = new Date(clock().getTime() - SESSION_MAX_AGE_SECONDS * 1000);
  return db.session.findMany({
    where: { userId, revokedAt: null, createdAt: { gt: since } },
    select: { id: true, userAgent: true, lastSeenAt: true, createdAt: true },
    orderBy: { lastSeenAt: "desc" },
    take: 50,
  });
}

/** The expiry sweep's statement (exported so the plan test EXPLAINs exactly this): by the createdAt index, `limit` at a time. */
export function expiredSessionsDelete(cutoff: Date, limit: number): Prisma.Sql {
  return Prisma.sql`
    DELETE FROM "sessions" WHERE "id" IN (
      SELECT "id" FROM "sessions" WHERE "createdAt" < ${cutoff}::timestamp(3) ORDER BY "createdAt" LIMIT ${limit})`;
}

/**
 * Deletes sessions older than the cookie's lifetime, revoked or not: no cookie can name them any more
 * (the JWT's expiry is fixed at sign-in), and a deleted row reads as signed out anyway. The worker's
 * sweep calls this; it reads the rows by their createdAt index, at most `limit` a time.
 */
export async function deleteExpiredSessions(clock: Clock = systemClock, limit = 1000): Promise<number> {
  const cutoff = new Date(clock().getTime() - SESSION_MAX_AGE_SECONDS * 1000);
  return db.$executeRaw(expiredSessionsDelete(cutoff, limit));
}
