// What every request passes before Next.js sees it (scripts/start.ts): refusals Next's router would turn
// into 500s or that must come before any body is read, and the client IP decided from the TCP peer.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_IP_HEADER, resolveClientIp } from "@/lib/api/client-ip";
import type { TrustProxy } from "@/lib/env";
import { API_CSP, COMMON_HEADERS, CSP_HEADER } from "@/lib/security/headers";

const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** The largest body any route accepts (the CSV import); each route's own, smaller cap is lib/api/parse.ts's. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export type GateRefusal = { status: number; code: string; message: string; headers?: Record<string, string> };

/** Why a request must not reach Next.js, or null when it may. */
export function refuseRequest(req: {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}): GateRefusal | null {
  if (!ALLOWED_METHODS.includes(req.method ?? "")) {
    return {
      status: 405,
      code: "method_not_allowed",
      message: "This HTTP method is not supported.",
      headers: { Allow: ALLOWED_METHODS.join(", ") },
    };
  }
  if (!isDecodablePath(req.url ?? "/")) {
    return { status: 400, code: "bad_request", message: "The request path is not valid." };
  }
  const length = req.headers["content-length"];
  if (length !== undefined && Number(length) > MAX_BODY_BYTES) {
    return { status: 413, code: "payload_too_large", message: "The request body is too large." };
  }
  return null;
}

/** Broken percent-encoding or an encoded NUL byte in the path (the query is parsed leniently downstream). */
function isDecodablePath(url: string): boolean {
  const path = url.split("?", 1)[0]!;
  try {
    return !decodeURIComponent(path).includes("\0");
  } catch {
    return false;
  }
}

/** Sets the internal client-IP header the route handlers read, dropping any copy the client sent. */
function stampClientIp(req: IncomingMessage, trust: TrustProxy): void {
  const ip = resolveClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], trust);
  req.headers[CLIENT_IP_HEADER] = ip;
  // Next builds its Headers from req.headers; rawHeaders is kept in step in case anything reads it.
  const raw: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() !== CLIENT_IP_HEADER)
      raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw, CLIENT_IP_HEADER, ip);
}

/** The http.Server request listener: refuse, or stamp the client IP and hand over to Next. */
export function frontGate(
  next: (req: IncomingMessage, res: ServerResponse) => unknown,
  trust: TrustProxy,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const refusal = refuseRequest(req);
    if (refusal) {
      // The body (if any) is never read: close the connection rather than drain it.
      // Next never sees these requests, so the gate sends the headers next.config.ts gives API answers.
      for (const { key, value } of COMMON_HEADERS) res.setHeader(key, value);
      res.setHeader(CSP_HEADER, API_CSP);
      res.writeHead(refusal.status, {
        "Content-Type": "application/json",
        "Cache-Control": "no-store",
        Connection: "close",
        ...refusal.headers,
      });
      res.end(JSON.stringify({ code: refusal.code, message: refusal.message }));
      return;
    }
    stampClientIp(req, trust);
    void next(req, res);
  };
}
