// Who is calling: an API key (Authorization: Bearer) or a signed-in user (session cookie).
import { ApiError } from "@/lib/api/errors";
import { resolveApiKey } from "@/lib/auth/api-keys";
import { resolveSessionFromHeaders } from "@/lib/auth/session-token";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/client";

export type Caller =
  | { kind: "api_key"; salonId: string; role: Role; apiKeyId: string }
  | { kind: "session"; salonId: string; role: Role; userId: string };

/**
 * An Authorization header decides on its own: a bad key is a 401 even if a session cookie is also present,
 * so a script never silently acts as whoever's browser cookie it happened to carry.
 */
export async function resolveCaller(req: Request): Promise<Caller | null> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const key = match?.[1] ? await resolveApiKey(match[1]) : null;
    return key ? { kind: "api_key", ...key } : null;
  }
  const session = await resolveSessionFromHeaders(req.headers);
  return session
    ? { kind: "session", salonId: session.salonId, role: session.role, userId: session.userId }
    : null;
}

/** The rate-limit bucket for a caller. */
export function callerRateLimitKey(caller: Caller): string {
  return caller.kind === "api_key" ? `key:${caller.apiKeyId}` : `user:${caller.userId}`;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser attaches the session cookie to a foreign site's form or text/plain POST too (SameSite=Lax does
 * not stop every case), so a cookie caller's writes must come from Bolt's own origin. Browsers send Origin on
 * every non-GET fetch; without it, Sec-Fetch-Site must say same-origin. API keys are never sent implicitly.
 */
export function assertSameOriginForSession(req: Request, caller: Caller): void {
  if (caller.kind !== "session" || SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get("origin");
  const sameOrigin =
    origin !== null
      ? origin === new URL(env.PUBLIC_BASE_URL).origin
      : req.headers.get("sec-fetch-site") === "same-origin";
  if (!sameOrigin) {
    throw new ApiError({
      code: "cross_origin_request",
      status: 403,
      message: "This request must come from Bolt's own pages.",
    });
  }
}
