// For handlers that read the request body themselves (Auth.js's): the body is read here first, with
// the cap, and handed on in a rebuilt request, so a huge body is a 413 before the handler sees it.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { readBodyWithLimit } from "@/lib/api/body-limits";
import { toErrorResponse } from "@/lib/api/errors";
import { logger } from "@/lib/logger";

export function withBodyLimit(handler: (req: NextRequest) => Promise<Response>, limit: number) {
  return async (req: NextRequest): Promise<Response> => {
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readBodyWithLimit(req, limit);
    } catch (err) {
      const requestId = randomUUID();
      return toErrorResponse(err, requestId, logger.child({ requestId, route: req.nextUrl.pathname }));
    }
    const headers = new Headers(req.headers);
    // The body is now a buffer of known size: how it was framed on the wire no longer applies.
    headers.delete("transfer-encoding");
    headers.set("content-length", String(body.byteLength));
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    return handler(new NextRequest(req.url, { method: req.method, headers, body: hasBody ? body : undefined }));
  };
}
