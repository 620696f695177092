// API rate limits: per key and per IP, PostgreSQL-backed, 429 with Retry-After once the window is used up.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as getSalon } from "@/app/api/salon/route";
import { POST as signUp } from "@/app/api/auth/signup/route";
import { signUpLimit } from "@/lib/api/rate-limit";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { createApiKey } from "@/lib/auth/api-keys";
import {
  apiRequest,
  createSalonWithOwner,
  noParams,
  overrideEnv,
  randomIp,
} from "@/lib/testing/auth-fixtures";

let salonId: string;

beforeAll(async () => {
  ({ salonId } = await createSalonWithOwner());
});

let restoreEnv: (() => void) | undefined;
afterEach(() => {
  restoreEnv?.();
  restoreEnv = undefined;
});

afterAll(closeRateLimitStore);

function setLimit(points: number, windowSeconds = 900) {
  restoreEnv = overrideEnv({
    API_RATE_LIMIT_POINTS: String(points),
    API_RATE_LIMIT_WINDOW_SECONDS: String(windowSeconds),
  });
}

describe("API rate limit", () => {
  it("answers 429 with Retry-After once a key has used its window (default 100)", async () => {
    const { plaintextKey: key } = await createApiKey(salonId, { name: "busy" });
    for (let i = 1; i <= 100; i++) {
      const res = await getSalon(apiRequest("/api/salon", { key }), noParams);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-ratelimit-remaining")).toBe(String(100 - i));
    }
    const res = await getSalon(apiRequest("/api/salon", { key }), noParams);
    expect(res.status).toBe(429);
    expect((await res.json()).code).toBe("rate_limited");
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
  }, 60_000);

  it("honours a lower limit from the environment, counting per key", async () => {
    setLimit(3, 60);
    const { plaintextKey: first } = await createApiKey(salonId, { name: "first" });
    const { plaintextKey: second } = await createApiKey(salonId, { name: "second" });
    for (let i = 0; i < 3; i++)
      expect((await getSalon(apiRequest("/api/salon", { key: first }), noParams)).status).toBe(200);
    const limited = await getSalon(apiRequest("/api/salon", { key: first }), noParams);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // Another key of the same salon has its own budget.
    expect((await getSalon(apiRequest("/api/salon", { key: second }), noParams)).status).toBe(200);
  });

  it("limits per IP before authentication, so guessing keys is throttled", async () => {
    setLimit(2, 60);
    const ip = randomIp();
    for (let i = 0; i < 2; i++)
      expect(
        (await getSalon(apiRequest("/api/salon", { ip, key: `bolt_live_${"a".repeat(32)}` }), noParams))
          .status,
      ).toBe(401);
    expect((await getSalon(apiRequest("/api/salon", { ip }), noParams)).status).toBe(429);
  });

  it("limits sign-ups per IP", async () => {
    const ip = randomIp();
    const attempt = () => signUp(apiRequest("/api/auth/signup", { ip, json: { salonName: "x" } }));
    expect(signUpLimit().points).toBe(5);
    for (let i = 0; i < signUpLimit().points; i++) expect((await attempt()).status).toBe(422);
    const res = await attempt();
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBeTruthy();
  });
});
