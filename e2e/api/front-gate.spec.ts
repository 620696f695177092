import { expect, test } from "@playwright/test";
import { OWNER, logIn } from "../support";

// Findings 2, 5 and 8 of issue #10 against the real server (the front gate lives in scripts/start.ts).
// Runs before rate-limit.spec.ts, so the cookie check comes first, while the per-IP allowance lasts.

test("a session cookie's POST from a foreign Origin is refused; from the app's own it works", async ({
  page,
  baseURL,
}) => {
  await logIn(page, OWNER);
  const inbox = await page.request.get("/api/telephony/conversations");
  expect(inbox.status()).toBe(200);
  const customerId = (await inbox.json()).data[0].customer.id as string;
  const read = (origin: string) =>
    page.request.post(`/api/telephony/conversations/${customerId}/read`, {
      headers: { Origin: origin, "Content-Type": "text/plain" },
      data: "{}",
    });
  const foreign = await read("https://evil.example");
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).code).toBe("cross_origin_request");
  expect((await read(new URL(baseURL!).origin)).status()).toBe(200);
});

test("TRACE and a broken percent-encoding get JSON 4xx, not 500", async ({ request }) => {
  const trace = await request.fetch("/", { method: "TRACE" });
  expect(trace.status()).toBe(405);
  expect(trace.headers()["allow"]).toContain("GET");
  expect((await trace.json()).code).toBe("method_not_allowed");
  const broken = await request.get("/api/appointments/%ff");
  expect(broken.status()).toBe(400);
  expect((await broken.json()).code).toBe("bad_request");
});

// The e2e server runs with API_RATE_LIMIT_POINTS=60 and no TRUST_PROXY: the TCP peer is the client.
test("rotating X-Forwarded-For (or the internal client-IP header) does not dodge the API limit", async ({
  request,
}) => {
  let allowed = 0;
  let limited = 0;
  for (let i = 0; i < 80; i++) {
    const res = await request.get("/api/salon", {
      headers: {
        Authorization: "Bearer bolt_live_not-a-real-key",
        "X-Forwarded-For": `203.0.113.${i}`,
        "X-Bolt-Client-Ip": `198.51.100.${i}`,
      },
    });
    if (res.status() === 429) limited++;
    else allowed++;
  }
  expect(allowed).toBeLessThanOrEqual(60);
  expect(limited).toBeGreaterThanOrEqual(20);
});
