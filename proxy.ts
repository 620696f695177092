// Gives each page its Content-Security-Policy with a fresh nonce, which Next.js reads back from the
// request's CSP header and puts on its own <script> tags. Pages only: the matcher leaves out /api/**
// because a proxy buffers request bodies up to experimental.proxyClientMaxBodySize and passes a
// silently truncated body on, which would defeat the API's own 413 body caps. API routes get their
// headers from next.config.ts instead. Server actions POST to page paths and so do pass through here:
// next.config.ts sets the proxy's buffer above the actions' 1 MB limit, so an oversized action is
// still refused by Next whole, never run on a cut-off body.
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { createNonce, CSP_HEADER, pageCsp } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const csp = pageCsp({
    nonce,
    dev: getEnv().NODE_ENV === "development",
    // Next derives the protocol from the socket or X-Forwarded-Proto.
    https: request.nextUrl.protocol === "https:",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(CSP_HEADER, csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set(CSP_HEADER, csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but API routes, build output, image optimisation and the files in public/.
      source:
        "/((?!api/|_next/static/|_next/image|favicon\\.ico$|icon\\.svg$|icon-[^/]*\\.png$|apple-touch-icon\\.png$|manifest\\.webmanifest$).*)",
      // next/link prefetches get no HTML of their own to protect.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
