// Whether an error means "PostgreSQL can't be reached right now" (down, restarting, out of connections),
// as opposed to a bug: the first is a 503 worth retrying, the second a 500. Pure, so errors.ts can use it
// without loading a database client.

// Prisma: can't reach (P1001), timed out (P1002, P1008), connection closed (P1017), pool timeout (P2024).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// Prisma's driver-adapter error kinds (meta.driverAdapterError.cause.kind), as @prisma/adapter-pg maps pg's.
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
// PostgreSQL: shutting down or starting up (57P01–57P03), too many connections (53300).
const PG_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
// node-postgres says these in words only, with no code.
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Unable to start a transaction in the given time/i,
];

function isUnavailableHere(err: Record<string, unknown>): boolean {
  const code = typeof err.code === "string" ? err.code : "";
  if (PRISMA_CODES.has(code) || PG_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  // Only a socket call's own error (connect/read/write): a client hanging up mid-body is ECONNRESET too.
  if (SOCKET_CODES.has(code) && typeof err.syscall === "string") return true;
  const meta = err.meta as
    { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } | undefined;
  const cause = meta?.driverAdapterError?.cause;
  if (typeof cause?.kind === "string" && ADAPTER_KINDS.has(cause.kind)) return true;
  if (typeof cause?.originalCode === "string" && PG_CODES.has(cause.originalCode)) return true;
  return typeof err.message === "string" && MESSAGES.some((m) => m.test(err.message as string));
}

/** An HTTP client's failure (Twilio's SDK uses axios; fetch wraps socket errors): someone else's outage. */
function isHttpClientError(err: Record<string, unknown>): boolean {
  return err.isAxiosError === true || (err.name === "TypeError" && err.message === "fetch failed");
}

/** Walks the error, its causes and an AggregateError's members (a few levels deep: no cycles). */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (depth > 5 || typeof err !== "object" || err === null) return false;
  const e = err as Record<string, unknown>;
  if (isHttpClientError(e)) return false;
  if (isUnavailableHere(e)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1)))
    return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
