import { expect, test, type APIResponse } from "@playwright/test";

// The e2e server runs with API_RATE_LIMIT_POINTS=60 (playwright.config.ts), so this stays quick.
test("the API answers 429 with Retry-After once the limit is spent", async ({ request }) => {
  let limited: APIResponse | null = null;
  for (let i = 0; i < 80; i++) {
    const res = await request.get("/api/salon", { headers: { Authorization: "Bearer bolt_live_not-a-real-key" } });
    if (res.status() === 429) {
      limited = res;
      break;
    }
    expect(res.status()).toBe(401);
  }
  if (!limited) throw new Error("expected a 429 within 80 requests");
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await limited.json()).code).toBe("rate_limited");
});
