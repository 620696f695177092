// Password sign-in and its throttle: generic failures, an exact limit under parallel bursts, locks per
// account+IP, the account-wide back-off, and trusted devices that a stranger's failures can't lock out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimitStore, getLimiter } from "@/lib/api/rate-limit-store";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import {
  accountKey,
  LOGIN_ACCOUNT_LIMIT,
  LOGIN_FAILED_MESSAGE,
  LOGIN_IP_LIMIT,
  LOGIN_PAIR_LIMIT,
  loginDelayMs,
} from "@/lib/auth/login-throttle";
import { trustDevice } from "@/lib/auth/trusted-device";
import { db } from "@/lib/db";
import { createSalonWithOwner, randomIp } from "@/lib/testing/auth-fixtures";

const NOW = new Date("2026-12-08T15:00:00Z");
const delays: number[] = [];
const noSleep = async (ms: number) => void delays.push(ms);
const login = (email: string, password: string, ip = randomIp(), trustedDeviceCookie?: string) =>
  authenticateWithPassword({ email, password, ip, trustedDeviceCookie }, { delay: noSleep, clock: () => NOW });

let owner: Awaited<ReturnType<typeof createSalonWithOwner>>;

beforeAll(async () => {
  owner = await createSalonWithOwner();
});

afterAll(closeRateLimitStore);

async function trustedCookieFor(userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, passwordHash: true } });
  return trustDevice(undefined, user, NOW);
}

describe("authenticateWithPassword", () => {
  it("signs in with the right password, whatever the email's case", async () => {
    const result = await login(owner.email.toUpperCase(), owner.password);
    expect(result).toEqual({
      ok: true,
      user: expect.objectContaining({ id: owner.userId, salonId: owner.salonId }),
    });
  });

  it("gives the same message for a wrong password and an unknown email", async () => {
    const invalid = { ok: false, reason: "invalid", message: LOGIN_FAILED_MESSAGE };
    expect(await login(owner.email, "wrong password")).toEqual(invalid);
    expect(await login("nobody@example.test", "whatever")).toEqual(invalid);
  });

  it("checks exactly 10 passwords out of 300 parallel guesses at one account from one IP", async () => {
    const victim = await createSalonWithOwner();
    const ip = randomIp();
    const passwords = Array.from({ length: 300 }, (_, i) => (i === 5 ? victim.password : `guess ${i}`));
    const results = await Promise.all(passwords.map((p) => login(victim.email, p, ip)));
    const checked = results.filter((r) => r.ok || r.reason === "invalid");
    expect(checked).toHaveLength(LOGIN_PAIR_LIMIT.points);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(290);
    const throttled = results.find((r) => !r.ok && r.reason === "throttled");
    expect(throttled?.ok === false && throttled.message).toMatch(/^Too many attempts\. Try again in 15 minutes\.$/);
  });

  it("locks only the stranger's account+IP pair: the owner gets in from another IP or a trusted device", async () => {
    const victim = await createSalonWithOwner();
    const strangerIp = randomIp();
    for (let i = 0; i < LOGIN_PAIR_LIMIT.points; i++) await login(victim.email, `guess ${i}`, strangerIp);
    expect(await login(victim.email, victim.password, strangerIp)).toMatchObject({ reason: "throttled" });

    expect((await login(victim.email, victim.password)).ok).toBe(true);
    // A trusted browser is counted on its own, so even the stranger's (shared) IP doesn't lock it out.
    const trusted = await trustedCookieFor(victim.userId);
    expect((await login(victim.email, victim.password, strangerIp, trusted)).ok).toBe(true);
  });

  it("limits a trusted device's own guesses like any pair", async () => {
    const user = await createSalonWithOwner();
    const trusted = await trustedCookieFor(user.userId);
    for (let i = 0; i < LOGIN_PAIR_LIMIT.points; i++) await login(user.email, `guess ${i}`, randomIp(), trusted);
    expect(await login(user.email, user.password, randomIp(), trusted)).toMatchObject({ reason: "throttled" });
  });

  it("applies the account-wide back-off to new devices but not to a trusted one", async () => {
    const victim = await createSalonWithOwner();
    // A distributed attack has used up the account's hourly allowance from many IPs.
    await getLimiter(LOGIN_ACCOUNT_LIMIT).penalty(accountKey(victim.email), LOGIN_ACCOUNT_LIMIT.points);
    expect(await login(victim.email, victim.password)).toMatchObject({ ok: false, reason: "throttled" });

    delays.length = 0;
    const trusted = await trustedCookieFor(victim.userId);
    expect((await login(victim.email, victim.password, randomIp(), trusted)).ok).toBe(true);
    expect(delays).toEqual([]);
    // A cookie signed for another user, or tampered with, is no trust at all.
    const other = await trustedCookieFor(owner.userId);
    expect(await login(victim.email, victim.password, randomIp(), other)).toMatchObject({ reason: "throttled" });
    expect(await login(victim.email, victim.password, randomIp(), `${trusted.slice(0, -2)}xx`)).toMatchObject({
      reason: "throttled",
    });
  });

  it("blocks an IP trying many accounts", async () => {
    const ip = randomIp();
    for (let i = 0; i < LOGIN_IP_LIMIT.points; i++) await login(`user${i}@example.test`, "nope", ip);
    expect(await login(owner.email, owner.password, ip)).toMatchObject({ ok: false, reason: "throttled" });
    expect((await login(owner.email, owner.password)).ok).toBe(true);
  });

  it("slows new devices down after a few failures on the account; a success forgives its own pair", async () => {
    const user = await createSalonWithOwner();
    const ip = randomIp();
    delays.length = 0;
    for (let i = 0; i < 5; i++) await login(user.email, "wrong", ip);
    expect(delays).toEqual([loginDelayMs(3), loginDelayMs(4)]);
    expect((await login(user.email, user.password, ip)).ok).toBe(true);
    // The pair's failures are forgiven: ten more tries from here before a lock, not five.
    for (let i = 0; i < LOGIN_PAIR_LIMIT.points - 1; i++) await login(user.email, "wrong", ip);
    expect((await login(user.email, user.password, ip)).ok).toBe(true);
  });
});

describe("loginDelayMs", () => {
  it("is free for the first failures, then doubles up to a cap", () => {
    expect([0, 2, 3, 4, 5, 20].map(loginDelayMs)).toEqual([0, 0, 250, 500, 1000, 4000]);
  });
});
