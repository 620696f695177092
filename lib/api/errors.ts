// Typed API errors, thrown anywhere in lib/ and mapped to a JSON response once, by the route wrapper.
import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/connection-errors";
import type { Logger } from "@/lib/logger";

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;
  /** Extra response headers, e.g. Retry-After on a 429. */
  readonly headers?: Record<string, string>;

  constructor(opts: {
    code: string;
    status: number;
    message: string;
    details?: unknown;
    headers?: Record<string, string>;
  }) {
    super(opts.message);
    this.name = "ApiError";
    this.code = opts.code;
    this.status = opts.status;
    this.details = opts.details;
    this.headers = opts.headers;
  }
}

export function notFound(what: string): ApiError {
  return new ApiError({ code: "not_found", status: 404, message: `${what} not found.` });
}

export function forbidden(message = "You don't have permission to do that."): ApiError {
  return new ApiError({ code: "forbidden", status: 403, message });
}

export function unauthorized(): ApiError {
  return new ApiError({ code: "unauthorized", status: 401, message: "Sign in or send a valid API key." });
}

export function conflict(code: string, message: string): ApiError {
  return new ApiError({ code, status: 409, message });
}

export type FieldErrors = Record<string, string[]>;

/**
 * Flattens zod issues into `{ "address.city": ["…"] }`; unknown keys are reported under their own name.
 * Field names are the client's: collected in a Map, so "toString" or "__proto__" is a name like any other,
 * then made own properties of a plain object (Object.fromEntries defines them; it never sets a prototype),
 * which JSON and React's server-action results serialise as usual.
 */
export function toFieldErrors(error: ZodError): FieldErrors {
  const fields = new Map<string, string[]>();
  const add = (path: string, message: string) => {
    const messages = fields.get(path);
    if (messages) messages.push(message);
    else fields.set(path, [message]);
  };
  for (const issue of error.issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add(base ? `${base}.${key}` : key, "Unknown field.");
    } else {
      add(base || "_root", issue.message);
    }
  }
  return Object.fromEntries(fields);
}

/**
 * The one mapping from thrown errors to responses; 500s are logged in full and returned without internals.
 * A plain `Response` (not NextResponse): domain code imports this module, and scripts that run before
 * Next.js starts (the demo seed in `npm start`) must not load next/server.
 */
export function toErrorResponse(err: unknown, requestId: string, log: Logger): Response {
  if (err instanceof ZodError) {
    return Response.json(
      { code: "validation_failed", message: "Some fields are invalid.", fields: toFieldErrors(err) },
      { status: 422 },
    );
  }
  if (err instanceof ApiError) {
    if (err.status >= 500) log.error({ err }, err.message);
    const body: Record<string, unknown> = { code: err.code, message: err.message };
    if (err.details !== undefined) body.details = err.details;
    return Response.json(body, { status: err.status, headers: err.headers });
  }
  if (isDatabaseUnavailable(err)) return databaseUnavailableResponse(err, log);
  log.error({ err }, "unhandled error in route handler");
  return Response.json(
    { code: "internal_error", message: `Something went wrong. Reference: ${requestId}`, requestId },
    { status: 500 },
  );
}

/** Seconds a client (or Twilio, retrying a webhook) should wait while PostgreSQL is unreachable. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** A 503 rather than a 500: nothing is wrong with the request, and the pools reconnect on their own. */
function databaseUnavailableResponse(err: unknown, log: Logger): Response {
  log.warn({ err }, "database unreachable");
  return Response.json(
    { code: "service_unavailable", message: "Bolt can't reach its database right now. Try again shortly." },
    { status: 503, headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } },
  );
}
