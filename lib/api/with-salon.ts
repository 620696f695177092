// The one route wrapper for salon data: request id, rate limits, caller (API key or session, whose writes must
// come from our own origin), role check, a salon-scoped Prisma client, and the single mapping of thrown
// errors to JSON responses.
import { randomUUID } from "node:crypto";
import { forbidden, toErrorResponse } from "@/lib/api/errors";
import { identifyCaller } from "@/lib/api/resolve-credentials";
import { salonDb, type SalonDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import { logger, type Logger } from "@/lib/logger";
import { systemClock } from "@/lib/time/clock";

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

/**
 * Adds headers the response doesn't set itself (a 429 keeps its own X-RateLimit-Remaining: 0), in place:
 * Response.json and NextResponse answers have mutable headers. A response whose headers are immutable
 * (e.g. one passed through from fetch) is copied instead.
 */
function withHeaders(res: Response, extra: Record<string, string>): Response {
  try {
    for (const [k, v] of Object.entries(extra)) if (!res.headers.has(k)) res.headers.set(k, v);
    return res;
  } catch {
    const headers = new Headers(res.headers);
    for (const [k, v] of Object.entries(extra)) if (!headers.has(k)) headers.set(k, v);
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  }
}

/** The request's logger, made on first use: most requests log nothing, and a pino child costs a copy. */
function requestLogger(req: Request, requestId: string) {
  let log: Logger | undefined;
  let salonId: string | undefined;
  return {
    setSalon: (id: string) => (salonId = id),
    get: (): Logger => {
      log ??= logger.child({
        requestId,
        route: new URL(req.url).pathname,
        method: req.method,
        ...(salonId ? { salonId } : {}),
      });
      return log;
    },
  };
}

export function withSalon<P extends RouteParams = RouteParams>(
  handler: SalonHandler<P>,
  opts: WithSalonOptions = {},
): RouteHandler<P> {
  const rateLimit = opts.rateLimit ?? true;
  return async (req, context) => {
    const requestId = requestIdFor(req);
    const log = requestLogger(req, requestId);
    let limitHeaders: Record<string, string> = {};
    try {
      // Counts the request (per IP before authentication, so guessing keys is throttled too, then per key or
      // user) in the same round trip as the caller's lookup where it can.
      const identified = await identifyCaller(req, { rateLimit, now: systemClock() });
      limitHeaders = identified.limitHeaders;
      if (identified.refusal) throw identified.refusal;
      const { caller } = identified;
      log.setSalon(caller.salonId);
      if (opts.roles && !opts.roles.includes(caller.role)) throw forbidden();

      let db: SalonDb | undefined;
      const res = await handler(req, {
        salonId: caller.salonId,
        role: caller.role,
        userId: caller.kind === "session" ? caller.userId : undefined,
        apiKeyId: caller.kind === "api_key" ? caller.apiKeyId : undefined,
        // Made on first use: a salon client is a Prisma extension, not free, and most handlers call lib/ instead.
        get db() {
          return (db ??= salonDb(caller.salonId));
        },
        requestId,
        get log() {
          return log.get();
        },
        params: context?.params ?? Promise.resolve({} as P),
      });
      return withHeaders(res, { ...limitHeaders, "X-Request-Id": requestId });
    } catch (err) {
      return withHeaders(toErrorResponse(err, requestId, log.get()), {
        ...limitHeaders,
        "X-Request-Id": requestId,
      });
    }
  };
}
