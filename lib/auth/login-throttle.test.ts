// Password sign-in and its throttle: generic failures, slow-down, and blocks per account and per IP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import {
  LOGIN_EMAIL_LIMIT,
  LOGIN_FAILED_MESSAGE,
  LOGIN_IP_LIMIT,
  loginDelayMs,
} from "@/lib/auth/login-throttle";
import { createSalonWithOwner, randomIp } from "@/lib/testing/auth-fixtures";

const delays: number[] = [];
const noSleep = async (ms: number) => void delays.push(ms);
const login = (email: string, password: string, ip = randomIp()) =>
  authenticateWithPassword({ email, password, ip }, { delay: noSleep });

let owner: Awaited<ReturnType<typeof createSalonWithOwner>>;

beforeAll(async () => {
  owner = await createSalonWithOwner();
});

afterAll(closeRateLimitStore);

describe("authenticateWithPassword", () => {
  it("signs in with the right password, whatever the email's case", async () => {
    const result = await login(owner.email.toUpperCase(), owner.password);
    expect(result).toEqual({
      ok: true,
      user: expect.objectContaining({ id: owner.userId, salonId: owner.salonId }),
    });
  });

  it("gives the same message for a wrong password and an unknown email", async () => {
    expect(await login(owner.email, "wrong password")).toEqual({
      ok: false,
      reason: "invalid",
      message: LOGIN_FAILED_MESSAGE,
    });
    expect(await login("nobody@example.test", "whatever")).toEqual({
      ok: false,
      reason: "invalid",
      message: LOGIN_FAILED_MESSAGE,
    });
  });

  it("blocks an account after repeated failures from many IPs, even with the right password", async () => {
    const victim = await createSalonWithOwner();
    for (let i = 0; i < LOGIN_EMAIL_LIMIT.points; i++)
      expect((await login(victim.email, `guess ${i}`)).ok).toBe(false);
    const blocked = await login(victim.email, victim.password);
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    if (!blocked.ok) expect(blocked.message).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
    // Another account is unaffected.
    expect((await login(owner.email, owner.password)).ok).toBe(true);
  });

  it("blocks an IP trying many accounts", async () => {
    const ip = randomIp();
    for (let i = 0; i < LOGIN_IP_LIMIT.points; i++) await login(`user${i}@example.test`, "nope", ip);
    expect(await login(owner.email, owner.password, ip)).toMatchObject({ ok: false, reason: "throttled" });
    expect((await login(owner.email, owner.password)).ok).toBe(true);
  });

  it("slows answers down after a few failures and forgives them after a success", async () => {
    const user = await createSalonWithOwner();
    delays.length = 0;
    for (let i = 0; i < 5; i++) await login(user.email, "wrong");
    expect(delays).toEqual([loginDelayMs(3), loginDelayMs(4)]);
    expect((await login(user.email, user.password)).ok).toBe(true);
    delays.length = 0;
    await login(user.email, "wrong");
    expect(delays).toEqual([]);
  });
});

describe("loginDelayMs", () => {
  it("is free for the first failures, then doubles up to a cap", () => {
    expect([0, 2, 3, 4, 5, 20].map(loginDelayMs)).toEqual([0, 0, 250, 500, 1000, 4000]);
  });
});
