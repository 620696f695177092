// The login server action's trusted-device cookie: set after a real sign-in, never after a failed one,
// including when the request asks Auth.js to answer errors with a redirect URL instead of throwing.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CLIENT_IP_HEADER } from "@/lib/api/client-ip";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { isTrustedDevice, TRUSTED_DEVICE_COOKIE } from "@/lib/auth/trusted-device";
import { db } from "@/lib/db";
import { createSalonWithOwner, randomIp } from "@/lib/testing/auth-fixtures";

type Jar = Map<string, string>;
const request = vi.hoisted(() => ({ headers: new Headers(), jar: new Map<string, string>() as Jar }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.jar.has(name) ? { name, value: request.jar.get(name) } : undefined),
    getAll: () => [...request.jar].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => void request.jar.set(name, value),
  }),
}));

afterAll(closeRateLimitStore);
beforeEach(() => {
  request.jar = new Map();
  request.headers = new Headers({ host: "localhost:3000", [CLIENT_IP_HEADER]: randomIp() });
});

/** Runs the action; a success ends in Next's redirect, which is thrown. */
async function signIn(email: string, password: string) {
  try {
    return await signInWithPassword({ email, password }, "/");
  } catch (err) {
    if (err instanceof Error && err.message === "NEXT_REDIRECT") return "redirected";
    throw err;
  }
}

describe("signInWithPassword", () => {
  it("trusts the browser for the user after a real sign-in", async () => {
    const owner = await createSalonWithOwner();
    expect(await signIn(owner.email, owner.password)).toBe("redirected");
    const user = await db.user.findUniqueOrThrow({ where: { id: owner.userId } });
    const cookie = request.jar.get(TRUSTED_DEVICE_COOKIE);
    // Checked as of its own issue time, so the test needs no clock.
    const issuedAt = new Date(Number(cookie?.split(".")[1]) * 1000);
    expect(isTrustedDevice(cookie, user, issuedAt)).toBe(true);
  });

  it("never trusts it after a wrong password, even when errors come back as a redirect URL", async () => {
    const owner = await createSalonWithOwner();
    expect(await signIn(owner.email, "wrong password")).toEqual({ ok: false, error: expect.any(String) });
    request.headers.set("x-auth-return-redirect", "1");
    await signIn(owner.email, "wrong password");
    expect(request.jar.has(TRUSTED_DEVICE_COOKIE)).toBe(false);
  });
});
