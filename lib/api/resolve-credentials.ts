// Who is calling: an API key (Authorization: Bearer) or a signed-in user (session cookie), with the request
// counted against the API rate limits in the same round trip as the lookup where it can be.
import { ApiError, unauthorized } from "@/lib/api/errors";
import { getClientIp } from "@/lib/api/client-ip";
import { countRequests, type LimitCount } from "@/lib/api/rate-limit-count";
import {
  apiLimitWindow,
  checkApiLimit,
  CREDENTIAL_LIMIT_PREFIX,
  ipLimitKey,
  mergeRateLimitHeaders,
} from "@/lib/api/rate-limit";
import { isWellFormedApiKey, resolveApiKey, resolveApiKeyCounting } from "@/lib/auth/api-keys";
import { resolveSessionFromHeaders } from "@/lib/auth/session-token";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/client";

export type Caller =
  | { kind: "api_key"; salonId: string; role: Role; apiKeyId: string }
  | { kind: "session"; salonId: string; role: Role; userId: string };

/**
 * The caller, or why there is none (401, or 403 for a session write from another site), with the
 * X-RateLimit-* headers either way. Over a limit it throws the 429 instead; the IP's limit comes first.
 */
export type Identified = { limitHeaders: Record<string, string> } & (
  | { caller: Caller; refusal?: undefined }
  | { caller?: undefined; refusal: ApiError }
);

/** The rate-limit bucket for a caller. */
function callerRateLimitKey(caller: Caller): string {
  return caller.kind === "api_key" ? `key:${caller.apiKeyId}` : `user:${caller.userId}`;
}

/**
 * An Authorization header decides on its own: a bad key is a 401 even if a session cookie is also present,
 * so a script never silently acts as whoever's browser cookie it happened to carry.
 */
export async function identifyCaller(
  req: Request,
  opts: { rateLimit: boolean; now: Date },
): Promise<Identified> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const key = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    if (!opts.rateLimit) {
      const found = key ? await resolveApiKey(key) : null;
      return found ? { caller: { kind: "api_key", ...found }, limitHeaders: {} } : refuse(unauthorized(), {});
    }
    if (!key || !isWellFormedApiKey(key)) return refuse(unauthorized(), await countIpOnly(req, opts.now));
    return identifyApiKey(req, key, opts.now);
  }

  const session = await resolveSessionFromHeaders(req.headers);
  const caller: Caller | null = session
    ? { kind: "session", salonId: session.salonId, role: session.role, userId: session.userId }
    : null;
  // A forged cross-site write is refused before it is counted, so it cannot use up its victim's allowance.
  const crossOrigin = caller !== null && !isSameOriginForSession(req, caller);
  if (!opts.rateLimit) {
    if (!caller) return refuse(unauthorized(), {});
    return crossOrigin ? refuse(crossOriginError(), {}) : { caller, limitHeaders: {} };
  }
  const window = apiLimitWindow();
  const ipKey = ipLimitKey(getClientIp(req.headers));
  const userKey = caller && !crossOrigin ? CREDENTIAL_LIMIT_PREFIX + callerRateLimitKey(caller) : null;
  const counts = await countRequests(userKey ? [ipKey, userKey] : [ipKey], window, opts.now);
  const ipHeaders = checkApiLimit(counted(counts.get(ipKey)), window, opts.now);
  if (!caller) return refuse(unauthorized(), ipHeaders);
  if (!userKey) return refuse(crossOriginError(), ipHeaders);
  const userHeaders = checkApiLimit(counted(counts.get(userKey)), window, opts.now);
  return { caller, limitHeaders: mergeRateLimitHeaders(ipHeaders, userHeaders) };
}

async function identifyApiKey(req: Request, plaintext: string, now: Date): Promise<Identified> {
  const window = apiLimitWindow();
  const ipKey = ipLimitKey(getClientIp(req.headers));
  const found = await resolveApiKeyCounting(plaintext, { ipKey, keyPrefix: `${CREDENTIAL_LIMIT_PREFIX}key:`, window }, now);
  const ipHeaders = checkApiLimit(found.ip, window, now);
  if (!found.key || !found.keyCount) return refuse(unauthorized(), ipHeaders);
  const keyHeaders = checkApiLimit(found.keyCount, window, now);
  return { caller: { kind: "api_key", ...found.key }, limitHeaders: mergeRateLimitHeaders(ipHeaders, keyHeaders) };
}

async function countIpOnly(req: Request, now: Date): Promise<Record<string, string>> {
  const window = apiLimitWindow();
  const ipKey = ipLimitKey(getClientIp(req.headers));
  const counts = await countRequests([ipKey], window, now);
  return checkApiLimit(counted(counts.get(ipKey)), window, now);
}

function counted(count: LimitCount | undefined): LimitCount {
  // The statement returns a row for every key it counted; a missing one is a bug, not a limit.
  if (!count) throw new Error("a rate-limit count is missing from the statement's result");
  return count;
}

function refuse(refusal: ApiError, limitHeaders: Record<string, string>): Identified {
  return { refusal, limitHeaders };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser attaches the session cookie to a foreign site's form or text/plain POST too (SameSite=Lax does
 * not stop every case), so a cookie caller's writes must come from Bolt's own origin. Browsers send Origin on
 * every non-GET fetch; without it, Sec-Fetch-Site must say same-origin. API keys are never sent implicitly.
 */
function isSameOriginForSession(req: Request, caller: Caller): boolean {
  if (caller.kind !== "session" || SAFE_METHODS.has(req.method)) return true;
  const origin = req.headers.get("origin");
  return origin !== null
    ? origin === new URL(env.PUBLIC_BASE_URL).origin
    : req.headers.get("sec-fetch-site") === "same-origin";
}

function crossOriginError(): ApiError {
  return new ApiError({
    code: "cross_origin_request",
    status: 403,
    message: "This request must come from Bolt's own pages.",
  });
}
