// The one route wrapper for salon data: request id, rate limits, caller (API key or session, whose writes must
// come from our own origin), role check, a salon-scoped Prisma client, and the single mapping of thrown
// errors to JSON responses.
import { randomUUID } from "node:crypto";
import { forbidden, toErrorResponse, unauthorized } from "@/lib/api/errors";
import { getClientIp } from "@/lib/api/client-ip";
import { enforceCredentialRateLimit, enforceIpRateLimit, mergeRateLimitHeaders } from "@/lib/api/rate-limit";
import { assertSameOriginForSession, callerRateLimitKey, resolveCaller } from "@/lib/api/resolve-credentials";
import { salonDb, type SalonDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import { logger, type Logger } from "@/lib/logger";

export type RouteParams = Record<string, string>;

export type SalonContext<P extends RouteParams = RouteParams> = {
  salonId: string;
  role: Role;
  userId?: string;
  apiKeyId?: string;
  db: SalonDb;
  requestId: string;
  log: Logger;
  params: Promise<P>;
};

export type SalonHandler<P extends RouteParams = RouteParams> = (
  req: Request,
  ctx: SalonContext<P>,
) => Promise<Response>;

export type WithSalonOptions = { roles?: Role[]; rateLimit?: boolean };

/** Next.js route handler signature (params is a promise since Next 15). */
export type RouteHandler<P extends RouteParams = RouteParams> = (
  req: Request,
  context?: { params: Promise<P> },
) => Promise<Response>;

// Reuse an upstream proxy's id when it looks like one, so logs line up across hops.
function requestIdFor(req: Request): string {
  const incoming = req.headers.get("x-request-id");
  return incoming && /^[A-Za-z0-9._-]{8,128}$/.test(incoming) ? incoming : randomUUID();
}

/** Adds headers the response doesn't set itself (a 429 keeps its own X-RateLimit-Remaining: 0). */
function withHeaders(res: Response, extra: Record<string, string>): Response {
  const headers = new Headers(res.headers);
  for (const [k, v] of Object.entries(extra)) if (!headers.has(k)) headers.set(k, v);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

export function withSalon<P extends RouteParams = RouteParams>(
  handler: SalonHandler<P>,
  opts: WithSalonOptions = {},
): RouteHandler<P> {
  const rateLimit = opts.rateLimit ?? true;
  return async (req, context) => {
    const requestId = requestIdFor(req);
    let log = logger.child({ requestId, route: new URL(req.url).pathname, method: req.method });
    let limitHeaders: Record<string, string> = {};
    try {
      // Counted before authentication so guessing keys is throttled too.
      if (rateLimit) limitHeaders = await enforceIpRateLimit(getClientIp(req.headers));
      const caller = await resolveCaller(req);
      if (!caller) throw unauthorized();
      assertSameOriginForSession(req, caller);
      log = log.child({ salonId: caller.salonId });
      if (rateLimit) {
        const credentialHeaders = await enforceCredentialRateLimit(callerRateLimitKey(caller));
        limitHeaders = mergeRateLimitHeaders(limitHeaders, credentialHeaders);
      }
      if (opts.roles && !opts.roles.includes(caller.role)) throw forbidden();

      const res = await handler(req, {
        salonId: caller.salonId,
        role: caller.role,
        userId: caller.kind === "session" ? caller.userId : undefined,
        apiKeyId: caller.kind === "api_key" ? caller.apiKeyId : undefined,
        db: salonDb(caller.salonId),
        requestId,
        log,
        params: context?.params ?? Promise.resolve({} as P),
      });
      return withHeaders(res, { ...limitHeaders, "X-Request-Id": requestId });
    } catch (err) {
      return withHeaders(toErrorResponse(err, requestId, log), {
        ...limitHeaders,
        "X-Request-Id": requestId,
      });
    }
  };
}
