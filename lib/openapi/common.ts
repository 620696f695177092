// Pieces every operation of the OpenAPI document shares: the error body and its stable codes, the auth
// schemes, cursor pages, instants, and the Idempotency-Key header. Tag files (lib/openapi/tags/*.ts)
// build their operations from these so every route answers errors the one way lib/api/errors.ts does.
import { z } from "zod";
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from "zod-openapi";

/** An instant as the API writes it (JSON of a Date, or PostgreSQL's to_char in the list routes): UTC, milliseconds. */
export const instant = z.iso.datetime().meta({ example: "2026-12-04T20:30:00.000Z" });

const errorSchema = z
  .object({
    code: z.string().meta({ description: "Stable and machine-readable: branch on this.", example: "not_found" }),
    message: z.string().meta({ description: "For people; the wording may change.", example: "Appointment not found." }),
    details: z.unknown().optional(),
    requestId: z.string().optional().meta({ description: "On a 500 only: quote it to support." }),
  })
  .meta({ id: "Error", description: "Every error: a stable `code` and a human `message`; never a stack trace or SQL." });

const validationErrorSchema = z
  .object({
    code: z.literal("validation_failed"),
    message: z.string().meta({ example: "Some fields are invalid." }),
    fields: z
      .record(z.string(), z.array(z.string()))
      .meta({ description: "Messages per field path (`address.city`); `_root` for the body as a whole.", example: { startsAt: ["startsAt must be an ISO 8601 date-time with offset, like 2025-12-04T15:30:00-05:00."] } }),
  })
  .meta({ id: "ValidationError" });

/** What each stable code says, as the example of its response (the real wording comes from lib/). */
const MESSAGES: Record<string, string> = {
  invalid_json: "The request body is not valid JSON.",
  bad_request: "The request path is not valid.",
  unauthorized: "Sign in or send a valid API key.",
  forbidden: "You don't have permission to do that.",
  cross_origin_request: "Cross-origin writes are refused; call the API with a key.",
  not_found: "Appointment not found.",
  payload_too_large: "The request body is larger than 64 KB.",
  unsupported_media_type: "Send the body as application/json.",
  rate_limited: "Too many requests. Try again in 60 seconds.",
  service_unavailable: "Bolt can't reach its database right now. Try again shortly.",
  internal_error: "Something went wrong. Reference: 6f1c…",
  slot_taken: "Maria is already booked 2:00–3:00 PM on Fri, Mar 14. Choose another time or stylist.",
  customer_exists: "(415) 555-0123 is already Ava Reed's number.",
  customer_opted_out: "This customer replied STOP and can't be texted until they text START.",
};

type ErrorCodes = Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503, string[]>>;

const DESCRIPTIONS: Record<number, string> = {
  400: "Bad request",
  401: "No valid session or API key",
  403: "Not allowed",
  404: "Not found in this salon (another salon's id is a 404 too)",
  409: "Conflict with the current state",
  413: "Body too large",
  415: "Not application/json",
  422: "Invalid input",
  429: "Rate limited",
  500: "Unexpected error (logged with the request id)",
  502: "The provider failed",
  503: "The database is unreachable",
};

const retryAfter = z.object({
  "Retry-After": z.string().meta({ description: "Seconds to wait.", example: "60" }),
});

const errorResponses = new Map<string, ZodOpenApiResponseObject>();

/** One object per status and codes, registered once as a component (`#/components/responses/…`) and referenced. */
function errorResponse(status: number, codes: string[]): ZodOpenApiResponseObject {
  const id = `Error${status}_${codes.join("_")}`;
  let response = errorResponses.get(id);
  if (!response) errorResponses.set(id, (response = { id, ...buildErrorResponse(status, codes) }));
  return response;
}

function buildErrorResponse(status: number, codes: string[]): ZodOpenApiResponseObject {
  const examples = Object.fromEntries(
    codes.map((code) => [code, { value: { code, message: MESSAGES[code] ?? code.replaceAll("_", " ") } }]),
  );
  return {
    description: `${DESCRIPTIONS[status] ?? "Error"}: ${codes.map((c) => `\`${c}\``).join(", ")}`,
    ...(status === 429 || status === 503 ? { headers: retryAfter } : {}),
    content: {
      "application/json":
        status === 422 && codes.length === 1 && codes[0] === "validation_failed"
          ? { schema: validationErrorSchema }
          : { schema: errorSchema, examples },
    },
  };
}

/** Error responses of the given statuses, each naming its stable codes. */
export function errors(codes: ErrorCodes): ZodOpenApiResponsesObject {
  return Object.fromEntries(
    Object.entries(codes).map(([status, list]) => [status, errorResponse(Number(status), list ?? [])]),
  ) as ZodOpenApiResponsesObject;
}

/** What any route behind the salon wrapper (lib/api/with-salon.ts) can answer, whatever it does. */
export function salonErrors(extra: ErrorCodes = {}): ZodOpenApiResponsesObject {
  return errors({
    401: ["unauthorized"],
    403: ["forbidden", "cross_origin_request"],
    422: ["validation_failed"],
    429: ["rate_limited"],
    503: ["service_unavailable"],
    ...extra,
  });
}

/** JSON bodies add their parse errors (lib/api/parse.ts). */
export const JSON_BODY_ERRORS: ErrorCodes = {
  400: ["invalid_json"],
  413: ["payload_too_large"],
  415: ["unsupported_media_type"],
};

export const SECURITY_SCHEMES = {
  apiKey: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "bolt_live_…",
    description: "An API key from Settings → API keys, sent as `Authorization: Bearer <key>`. It acts with the role it was created with.",
  },
  session: {
    type: "apiKey",
    in: "cookie",
    name: "authjs.session-token",
    description:
      "The signed-in browser's session (`__Secure-authjs.session-token` over HTTPS). Its writes must come from Bolt's own origin.",
  },
  twilioSignature: {
    type: "apiKey",
    in: "header",
    name: "X-Twilio-Signature",
    description:
      "Twilio's HMAC-SHA1 of PUBLIC_BASE_URL + path + query and the sorted form parameters, with the auth token of the account that owns the number. Checked before anything is read or written (403 otherwise).",
  },
  stripeSignature: {
    type: "apiKey",
    in: "header",
    name: "Stripe-Signature",
    description: "Stripe's signature of the raw body with STRIPE_WEBHOOK_SECRET (400 `missing_signature` / `invalid_signature`).",
  },
} as const;

/** Salon routes take either an API key or a session. */
export const SALON_SECURITY: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }];

/** The roles that may call an operation, shown by the reference page (`x-bolt-roles`). */
export const OWNERS_ONLY = { "x-bolt-roles": ["OWNER"] } as const;
export const ANY_MEMBER = { "x-bolt-roles": ["OWNER", "STAFF"] } as const;

export const idempotencyHeader = z.object({
  "Idempotency-Key": z
    .string()
    .max(200)
    .optional()
    .meta({
      description: "Retry safely: the same key on the same endpoint returns the first result and sends nothing again (printable ASCII, ≤ 200).",
      example: "booking-7f3a2c",
    }),
});

export const paginationDescription =
  "Cursor pages, newest first: pass `nextCursor` back as `cursor` for the next page; it is `null` on the last one. No total count.";

/** `{ data: [...], nextCursor }`, the shape of every list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().meta({ description: "Opaque; `null` on the last page.", example: "WyIyMDI2LTEyLTA0VDIwOjMwOjAwLjAwMFoiLCJjbTEiXQ" }),
  });
}

/** A JSON response with the given schema and an example. */
export function json(description: string, schema: z.ZodType, example?: unknown): ZodOpenApiResponseObject {
  return { description, content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } } };
}

/** One tag of the reference: a heading, a paragraph, and its routes' operations. One file per tag. */
export type ApiTag = { name: string; description: string; paths: ZodOpenApiPathsObject };
