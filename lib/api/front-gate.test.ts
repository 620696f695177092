// The front gate and the client IP (findings 2 and 5 of issue #10): pure checks, then the listener on a real
// http.Server with a stand-in for Next that echoes what a route handler would see.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, getClientIp, resolveClientIp } from "@/lib/api/client-ip";
import { MAX_BODY_BYTES, frontGate, refuseRequest } from "@/lib/api/front-gate";
import { getEnv, type TrustProxy } from "@/lib/env";
import { overrideEnv } from "@/lib/testing/auth-fixtures";

const OFF: TrustProxy = { kind: "off" };
const ONE_HOP: TrustProxy = { kind: "hops", hops: 1 };

describe("resolveClientIp", () => {
  it("ignores X-Forwarded-For with TRUST_PROXY off: the TCP peer is the client", () => {
    expect(resolveClientIp("203.0.113.7", "1.2.3.4, 5.6.7.8", OFF)).toBe("203.0.113.7");
    expect(resolveClientIp("::ffff:203.0.113.7", "1.2.3.4", OFF)).toBe("203.0.113.7");
    expect(resolveClientIp(undefined, "1.2.3.4", OFF)).toBe("unknown");
  });

  it("takes the entry that many hops from the right with a hop count", () => {
    expect(resolveClientIp("127.0.0.1", "6.6.6.6, 198.51.100.9", ONE_HOP)).toBe("198.51.100.9");
    expect(resolveClientIp("127.0.0.1", "6.6.6.6, 198.51.100.9, 10.0.0.2", { kind: "hops", hops: 2 })).toBe(
      "198.51.100.9",
    );
    // No header: the proxy itself is the best we know.
    expect(resolveClientIp("127.0.0.1", undefined, ONE_HOP)).toBe("127.0.0.1");
    expect(resolveClientIp("127.0.0.1", ["6.6.6.6", "198.51.100.9"], ONE_HOP)).toBe("198.51.100.9");
  });

  it("walks right to left past trusted addresses with a CIDR list, starting from the peer", () => {
    const lb: TrustProxy = { kind: "addresses", addresses: ["10.0.0.0/8", "127.0.0.1"] };
    expect(resolveClientIp("127.0.0.1", "6.6.6.6, 198.51.100.9, 10.1.2.3", lb)).toBe("198.51.100.9");
    // A peer outside the list is the client, whatever it forwards.
    expect(resolveClientIp("203.0.113.50", "198.51.100.9", lb)).toBe("203.0.113.50");
    expect(resolveClientIp("::ffff:10.9.9.9", "198.51.100.9", lb)).toBe("198.51.100.9");
  });

  it("handles IPv6 peers, entries and ranges", () => {
    const v6: TrustProxy = { kind: "addresses", addresses: ["fd00::/8", "::1"] };
    expect(resolveClientIp("::1", "2001:db8::1, fd00::5", v6)).toBe("2001:db8::1");
    expect(resolveClientIp("2001:db8::99", "2001:db8::1", v6)).toBe("2001:db8::99");
    expect(resolveClientIp("::1", "2001:DB8::A", ONE_HOP)).toBe("2001:db8::a");
  });

  it("never lets garbage become a key: the walk stops at the last trusted hop", () => {
    expect(resolveClientIp("127.0.0.1", "not-an-ip", ONE_HOP)).toBe("127.0.0.1");
    expect(resolveClientIp("127.0.0.1", `${"x".repeat(5000)}`, ONE_HOP)).toBe("127.0.0.1");
    const lb: TrustProxy = { kind: "addresses", addresses: ["127.0.0.1"] };
    expect(resolveClientIp("127.0.0.1", "1.2.3.4, <script>, ", lb)).toBe("127.0.0.1");
  });

  it("is read by route handlers only from the gate's header", () => {
    expect(getClientIp(new Headers({ "x-forwarded-for": "1.2.3.4" }))).toBe("unknown");
    expect(getClientIp(new Headers({ [CLIENT_IP_HEADER]: "198.51.100.9" }))).toBe("198.51.100.9");
  });
});

describe("TRUST_PROXY", () => {
  it.each([
    [undefined, { kind: "off" }],
    ["false", { kind: "off" }],
    ["2", { kind: "hops", hops: 2 }],
    [
      "127.0.0.1, 10.0.0.0/8,fd00::/8",
      { kind: "addresses", addresses: ["127.0.0.1", "10.0.0.0/8", "fd00::/8"] },
    ],
    ["loopback", { kind: "addresses", addresses: ["loopback"] }],
  ])("parses %j", (value, expected) => {
    const restore = overrideEnv({ TRUST_PROXY: value ?? "" });
    try {
      expect(getEnv().TRUST_PROXY).toEqual(expected);
    } finally {
      restore();
    }
  });

  it.each([["true"], ["10.0.0.0/33"], ["nginx"]])("refuses %j by name", (value) => {
    const restore = overrideEnv({ TRUST_PROXY: value });
    try {
      expect(() => getEnv()).toThrow(/TRUST_PROXY/);
    } finally {
      restore();
    }
  });
});

describe("refuseRequest", () => {
  const req = (method: string, url: string, headers: Record<string, string> = {}) => ({
    method,
    url,
    headers,
  });

  it("answers 405 with Allow for methods outside the API's", () => {
    for (const method of ["TRACE", "TRACK", "PROPFIND", "BREW"]) {
      expect(refuseRequest(req(method, "/"))).toMatchObject({
        status: 405,
        code: "method_not_allowed",
        headers: { Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" },
      });
    }
    for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      expect(refuseRequest(req(method, "/api/salon"))).toBeNull();
    }
  });

  it("answers 400 for a path with broken percent-encoding or an encoded NUL", () => {
    for (const url of ["/api/appointments/%ff", "/%", "/api/x/%E0%A4%A", "/api/customers/a%00b", "/%c0%af"]) {
      expect(refuseRequest(req("GET", url))).toMatchObject({ status: 400, code: "bad_request" });
    }
    for (const url of ["/api/customers/caf%C3%A9", "/login?next=%ff", "/api/salon?x=%25"]) {
      expect(refuseRequest(req("GET", url))).toBeNull();
    }
  });

  it("answers 413 for a declared body past the largest any route takes", () => {
    const over = { "content-length": String(MAX_BODY_BYTES + 1) };
    expect(refuseRequest(req("POST", "/api/webhooks/twilio/sms", over))).toMatchObject({
      status: 413,
      code: "payload_too_large",
    });
    expect(refuseRequest(req("POST", "/x", { "content-length": String(MAX_BODY_BYTES) }))).toBeNull();
  });
});

describe("frontGate on a real server", () => {
  let server: Server;
  let port: number;
  let seen = 0;

  beforeAll(async () => {
    // Stands in for Next: answers with the client IP a route handler would read.
    const next = (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => {
      seen++;
      const headers = new Headers(req.headers as Record<string, string>);
      res.end(JSON.stringify({ ip: getClientIp(headers), raw: req.rawHeaders }));
    };
    server = createServer(frontGate(next, OFF));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const send = (method: string, path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const r = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      r.on("error", reject);
      r.end();
    });

  it("overwrites a client-sent client-IP header and ignores X-Forwarded-For", async () => {
    const res = await send("GET", "/api/salon", {
      [CLIENT_IP_HEADER]: "6.6.6.6",
      "x-forwarded-for": "7.7.7.7",
    });
    const body = JSON.parse(res.body);
    expect(body.ip).toBe("127.0.0.1");
    expect(body.raw.filter((h: string) => h === "6.6.6.6")).toEqual([]);
  });

  it("refuses TRACE, %ff and an oversized Content-Length with JSON, without calling Next", async () => {
    const before = seen;
    const trace = await send("TRACE", "/");
    expect(trace.status).toBe(405);
    expect(trace.headers.allow).toContain("GET");
    expect(JSON.parse(trace.body)).toEqual({ code: "method_not_allowed", message: expect.any(String) });
    expect(trace.headers["x-content-type-options"]).toBe("nosniff");
    expect(trace.headers["content-security-policy"]).toContain("default-src 'none'");
    const bad = await send("GET", "/api/appointments/%ff");
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).code).toBe("bad_request");
    const big = await send("POST", "/api/webhooks/twilio/sms", {
      "content-length": String(400 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
    expect(big.headers["content-type"]).toBe("application/json");
    expect(seen).toBe(before);
  });
});
