// The security headers Bolt sends, in one place: next.config.ts applies the fixed ones to every
// response (pages, API routes, Auth.js, webhooks, 404s, static files) and proxy.ts adds each page's
// Content-Security-Policy with a fresh nonce. README "Security headers" explains the choices.

/** The header name Next.js reads a page's nonce from (it parses the request's CSP, see proxy.ts). */
export const CSP_HEADER = "Content-Security-Policy";

/** Browsers only honour HSTS received over https (RFC 6797 §8.1), so a spoofed hint over http is harmless. */
const HSTS_VALUE = "max-age=63072000; includeSubDomains";

// Features no page uses: a script that gets in still can't turn on the camera or microphone.
const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "hid=()",
  "display-capture=()",
  "browsing-topics=()",
].join(", ");

type Header = { key: string; value: string };

/** On every response, whatever route answers it. */
export const COMMON_HEADERS: Header[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // frame-ancestors 'none' in the CSP is the modern form; this covers browsers that predate it.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

// API answers are JSON, TwiML or relayed media, never a page: nothing in them may run, load or be framed.
// A customer's MMS attachment (HTML, SVG…) opened directly stays inert under `sandbox`.
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** A nonce for one page response: 128 random bits, base64 (the CSP grammar's base64-value). */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

type PageCspOptions = { nonce: string; dev: boolean; https: boolean };

/** The CSP for a page: scripts only by nonce (and what they load, 'strict-dynamic'). */
export function pageCsp({ nonce, dev, https }: PageCspOptions): string {
  const directives = [
    "default-src 'self'",
    // React's dev build evaluates server error stacks in the browser; production never needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Styles can't run script. 'unsafe-inline' because style attributes React renders on the server
    // (skeleton widths, the usage bar, sonner's theme variables) take no nonce, and sonner, Radix's
    // scroll lock (dialogs, sheets) and Radix Select insert <style> elements at runtime without one.
    // A nonce here would make browsers ignore 'unsafe-inline', so there is none.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // The voicemail player streams from Bolt's own recording relay.
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    // The alerts service worker (public/sw.js); 'strict-dynamic' makes script-src ignore 'self'.
    "worker-src 'self'",
  ];
  // Over plain http (npm start on a laptop) it would send every subresource to a port nobody serves.
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** The requests a TLS-terminating proxy marks as https (it sets X-Forwarded-Proto; see HSTS_VALUE). */
const VIA_HTTPS = [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }];

// The media relays cache privately on purpose (an <audio> element re-requests ranges while seeking;
// lib/api/media-response.ts), and the OpenAPI document publicly (it holds no salon data): every other API
// answer is authenticated data or Auth.js's session. next.config headers win over a route's own, hence
// the exclusion rather than a default.
const API_WITHOUT_OWN_CACHING =
  "/api/:path((?!telephony/call-logs/[^/]+/recording$|telephony/inbound-messages/[^/]+/media/[^/]+$|openapi\\.json$).*)";

/** next.config.ts `headers()`: these reach route handlers too, which a proxy.ts matcher leaves out. */
export function configHeaders() {
  return [
    { source: "/:path*", headers: COMMON_HEADERS },
    { source: "/:path*", has: VIA_HTTPS, headers: [{ key: "Strict-Transport-Security", value: HSTS_VALUE }] },
    { source: "/api/:path*", headers: [{ key: CSP_HEADER, value: API_CSP }] },
    { source: API_WITHOUT_OWN_CACHING, headers: [{ key: "Cache-Control", value: "no-store" }] },
  ];
}
