// Body caps on the real route handlers: a 200 MB body streamed lazily (no Content-Length) is refused
// with a 413 after reading just past the cap, the rest is never pulled, and memory stays flat.
import { describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { POST as signUpRoute } from "@/app/api/auth/signup/route";
import { POST as smsWebhook } from "@/app/api/webhooks/twilio/sms/route";
import { BODY_LIMITS, readBodyWithLimit } from "@/lib/api/body-limits";
import { randomIp } from "@/lib/testing/auth-fixtures";
import { NextRequest } from "next/server";

const CHUNK = 64 * 1024;
const TOTAL = 200 * 1024 * 1024;
const MEMORY_BOUND = 32 * 1024 * 1024;

const memory = () => {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

/** A 200 MB body made chunk by chunk as the reader pulls, counting the pulls and the peak memory seen. */
function hugeBody() {
  const stats = { pulled: 0, peakGrowth: 0 };
  const start = memory();
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        stats.peakGrowth = Math.max(stats.peakGrowth, memory() - start);
        if (stats.pulled * CHUNK >= TOTAL) return controller.close();
        stats.pulled++;
        controller.enqueue(new Uint8Array(CHUNK).fill(0x61));
      },
    },
    { highWaterMark: 0 },
  );
  const finish = () => ({ ...stats, peakGrowth: Math.max(stats.peakGrowth, memory() - start) });
  return { stream, finish };
}

function streamedPost(path: string, contentType: string, body: ReadableStream<Uint8Array>): NextRequest {
  return new NextRequest(`http://localhost:3000${path}`, {
    method: "POST",
    headers: { "content-type": contentType, "x-forwarded-for": randomIp() },
    body,
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
}

describe("a 200 MB streamed body", () => {
  it.each([
    ["the Twilio SMS webhook", "/api/webhooks/twilio/sms", "application/x-www-form-urlencoded", smsWebhook, BODY_LIMITS.twilioWebhook, "256 KB"],
    ["a JSON API route", "/api/auth/signup", "application/json", signUpRoute, BODY_LIMITS.json, "64 KB"],
    ["Auth.js's sign-in callback", "/api/auth/callback/credentials", "application/x-www-form-urlencoded", authPost, BODY_LIMITS.authForm, "64 KB"],
  ] as const)("to %s is a 413 after reading just past the cap, memory flat", async (_name, path, type, route, limit, named) => {
    const { stream, finish } = hugeBody();
    const res = await route(streamedPost(path, type, stream));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ code: "payload_too_large", message: `Request body must be at most ${named}.` });
    const { pulled, peakGrowth } = finish();
    expect(pulled).toBeLessThanOrEqual(limit / CHUNK + 2);
    expect(pulled * CHUNK).toBeLessThan(TOTAL);
    expect(peakGrowth).toBeLessThan(MEMORY_BOUND);
  });

  it("announced by Content-Length is refused before a byte is read", async () => {
    const { stream, finish } = hugeBody();
    const req = new Request("http://localhost:3000/api/webhooks/twilio/sms", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(TOTAL) },
      body: stream,
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    expect((await smsWebhook(req)).status).toBe(413);
    expect(finish().pulled).toBe(0);
  });
});

describe("readBodyWithLimit", () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    new Request("http://localhost/x", { method: "POST", body, headers });

  it("reads a body of exactly the cap, and refuses one byte more whatever Content-Length says", async () => {
    expect((await readBodyWithLimit(post("x".repeat(10)), 10)).byteLength).toBe(10);
    await expect(readBodyWithLimit(post("x".repeat(11)), 10)).rejects.toMatchObject({ status: 413 });
    // Undici sends the real length; a lying header is what a hand-made request or another proxy could pass on.
    const lying = new Request("http://localhost/x", {
      method: "POST",
      body: new Blob(["x".repeat(11)]).stream(),
      headers: { "content-length": "3" },
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    await expect(readBodyWithLimit(lying, 10)).rejects.toMatchObject({ code: "payload_too_large" });
  });
});
