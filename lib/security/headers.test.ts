// The header values themselves: a strict page CSP whose nonce is fresh each time, eval only in
// development, https-only directives only over https, and API paths that keep their own caching.
import { describe, expect, it } from "vitest";
import { configHeaders, createNonce, pageCsp } from "@/lib/security/headers";

describe("pageCsp", () => {
  const nonce = createNonce();

  it("allows scripts by nonce only and frames nowhere", () => {
    const csp = pageCsp({ nonce, dev: false, https: false });
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic';`);
    for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "media-src 'self' blob:"])
      expect(csp).toContain(d);
    expect(csp).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
  });

  it("adds eval for development and the upgrade over https", () => {
    expect(pageCsp({ nonce, dev: true, https: false })).toContain("'strict-dynamic' 'unsafe-eval';");
    expect(pageCsp({ nonce, dev: false, https: true })).toMatch(/; upgrade-insecure-requests$/);
  });
});

it("makes a new 128-bit nonce each time", () => {
  const nonces = new Set(Array.from({ length: 50 }, createNonce));
  expect(nonces.size).toBe(50);
  for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
});

it("leaves only the media relays out of no-store", () => {
  const rule = configHeaders().find((r) => r.headers.some((h) => h.key === "Cache-Control"));
  const pattern = new RegExp(`^${rule!.source.replace("/api/:path", "/api/")}$`);
  expect(pattern.test("/api/salon")).toBe(true);
  expect(pattern.test("/api/auth/session")).toBe(true);
  expect(pattern.test("/api/telephony/call-logs/abc")).toBe(true);
  expect(pattern.test("/api/telephony/call-logs/abc/recording")).toBe(false);
  expect(pattern.test("/api/telephony/inbound-messages/abc/media/0")).toBe(false);
});
