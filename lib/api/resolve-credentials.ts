// Who is calling: an API key (Authorization: Bearer) or a signed-in user (session cookie).
import { resolveApiKey } from "@/lib/auth/api-keys";
import { resolveSessionFromHeaders } from "@/lib/auth/session-token";
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
