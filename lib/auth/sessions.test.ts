// Revocable sessions: a revoked or removed session's cookie stops working at once, in the API wrapper and
// for pages; a password change ends the user's other sessions; "sign out everywhere" ends all of them.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getSalon } from "@/app/api/salon/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { changePassword } from "@/lib/auth/change-password";
import { verifyPassword } from "@/lib/auth/password";
import { getSessionContext } from "@/lib/auth/session";
import { resolveSessionFromHeaders } from "@/lib/auth/session-token";
import { RESET_PASSWORD_PATH } from "@/lib/auth/emailed-tokens";
import { limitPasswordResetRequests, resetPassword, sendPasswordResetLink } from "@/lib/auth/password-reset";
import { deleteExpiredSessions, listActiveSessions, revokeSession, revokeUserSessions, summarizeUserAgent } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { resetPasswordSchema } from "@/lib/validations/auth";
import { stopBoss } from "@/lib/jobs/boss";
import { addMember, apiRequest, createSalonWithOwner, noParams, signedInSession } from "@/lib/testing/auth-fixtures";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));

afterAll(async () => {
  await stopBoss();
  await closeRateLimitStore();
});
beforeEach(() => {
  request.headers = new Headers();
});

const salonStatus = async (cookie: string) =>
  (await getSalon(apiRequest("/api/salon", { cookie }), noParams)).status;

async function ownerWithTwoSessions() {
  const owner = await createSalonWithOwner();
  const here = await signedInSession(owner.userId, owner.salonId);
  const elsewhere = await signedInSession(owner.userId, owner.salonId);
  return { owner, here, elsewhere };
}

describe("session revocation", () => {
  it("a revoked session's cookie gets 401 from the API and no session context on pages", async () => {
    const { here, elsewhere } = await ownerWithTwoSessions();
    request.headers = new Headers({ cookie: here.cookie });
    expect(await getSessionContext()).toMatchObject({ sessionId: here.sessionId });

    await revokeSession(here.sessionId);
    expect(await salonStatus(here.cookie)).toBe(401);
    expect(await resolveSessionFromHeaders(new Headers({ cookie: here.cookie }))).toBeNull();
    expect(await salonStatus(elsewhere.cookie)).toBe(200);
  });

  it("a user can end only their own sessions by id", async () => {
    const { owner, here } = await ownerWithTwoSessions();
    const staff = await addMember(owner.salonId);
    expect(await revokeSession(here.sessionId, { userId: staff.userId })).toBe(false);
    expect(await salonStatus(here.cookie)).toBe(200);
    expect(await revokeSession(here.sessionId, { userId: owner.userId })).toBe(true);
    expect(await salonStatus(here.cookie)).toBe(401);
  });

  it("a password change ends the user's other sessions but not the current one", async () => {
    const { owner, here, elsewhere } = await ownerWithTwoSessions();
    const result = await changePassword(
      owner.userId,
      { currentPassword: owner.password, newPassword: "a brand new password" },
      { keepSessionId: here.sessionId },
    );
    expect(result).toEqual({ ok: true, endedSessions: 1 });
    expect(await salonStatus(here.cookie)).toBe(200);
    expect(await salonStatus(elsewhere.cookie)).toBe(401);
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: owner.userId } });
    expect(await verifyPassword(passwordHash, "a brand new password")).toBe(true);
  });

  it("a wrong current password changes nothing and ends nothing", async () => {
    const { owner, here, elsewhere } = await ownerWithTwoSessions();
    const before = await db.user.findUniqueOrThrow({ where: { id: owner.userId } });
    expect(
      await changePassword(
        owner.userId,
        { currentPassword: "not my password", newPassword: "a brand new password" },
        { keepSessionId: here.sessionId },
      ),
    ).toEqual({ ok: false, reason: "wrong_password" });
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.userId } })).passwordHash).toBe(before.passwordHash);
    expect(await salonStatus(elsewhere.cookie)).toBe(200);
  });

  it("sign out everywhere ends every session of the user, this one included, and only theirs", async () => {
    const { owner, here, elsewhere } = await ownerWithTwoSessions();
    const staff = await addMember(owner.salonId);
    const staffSession = await signedInSession(staff.userId, owner.salonId);

    expect(await revokeUserSessions(owner.userId)).toBe(2);
    expect(await salonStatus(here.cookie)).toBe(401);
    expect(await salonStatus(elsewhere.cookie)).toBe(401);
    expect(await salonStatus(staffSession.cookie)).toBe(200);
    expect(await listActiveSessions(owner.userId)).toEqual([]);
    expect((await listActiveSessions(staff.userId)).map((s) => s.id)).toEqual([staffSession.sessionId]);
  });

  it("a removed member's cookie gets 401", async () => {
    const { salonId } = await createSalonWithOwner();
    const staff = await addMember(salonId);
    const { cookie } = await signedInSession(staff.userId, salonId);
    expect(await salonStatus(cookie)).toBe(200);
    await db.membership.delete({ where: { salonId_userId: { salonId, userId: staff.userId } } });
    await revokeUserSessions(staff.userId);
    expect(await salonStatus(cookie)).toBe(401);
  });

  it("touches lastSeenAt at most every five minutes", async () => {
    const { here } = await ownerWithTwoSessions();
    const headers = new Headers({ cookie: here.cookie });
    const row = () => db.session.findUniqueOrThrow({ where: { id: here.sessionId } });
    const start = (await row()).lastSeenAt;
    const at = (minutes: number) => () => new Date(start.getTime() + minutes * 60_000);

    await resolveSessionFromHeaders(headers, at(4));
    expect((await row()).lastSeenAt).toEqual(start);
    await resolveSessionFromHeaders(headers, at(6));
    expect((await row()).lastSeenAt).toEqual(at(6)());
  });
});

describe("forgot password", () => {
  const T0 = new Date("2026-03-04T15:00:00Z");
  const at = (minutes: number) => () => new Date(T0.getTime() + minutes * 60_000);
  /** The reset links e-mailed to `email`, newest first, read from the local mail sink (notification rows). */
  const emailedTokens = async (email: string) =>
    (await db.notification.findMany({ where: { channel: "EMAIL", destination: email }, orderBy: { createdAt: "desc" } })).map(
      (n) => new RegExp(`${RESET_PASSWORD_PATH}/([A-Za-z0-9_-]{43})`).exec(n.body)?.[1],
    );

  it("a link works once, within 30 minutes, only the newest one, and ends every session of the user", async () => {
    const { owner, here, elsewhere } = await ownerWithTwoSessions();
    await sendPasswordResetLink(owner.email, at(0));
    const [expired] = await emailedTokens(owner.email);
    expect(await resetPassword({ token: expired!, newPassword: "too late password" }, at(31))).toEqual({ ok: false });

    await sendPasswordResetLink(owner.email, at(40));
    await sendPasswordResetLink(owner.email, at(41));
    const [newest, older] = await emailedTokens(owner.email);
    expect(await resetPassword({ token: older!, newPassword: "replaced link password" }, at(42))).toEqual({ ok: false });
    expect(await resetPassword({ token: newest!, newPassword: "my reset password" }, at(42))).toEqual({ ok: true, email: owner.email });
    expect(await salonStatus(here.cookie)).toBe(401);
    expect(await salonStatus(elsewhere.cookie)).toBe(401);
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: owner.userId } });
    expect(await verifyPassword(passwordHash, "my reset password")).toBe(true);
    expect(await resetPassword({ token: newest!, newPassword: "second use password" }, at(43))).toEqual({ ok: false });
    // Only hashes are stored.
    expect(await db.passwordResetToken.count({ where: { tokenHash: { in: [newest!, older!, expired!] } } })).toBe(0);
  });

  it("the reset form wants a well-formed token and the new password typed twice", () => {
    const token = "A".repeat(43);
    const issues = (input: object) => resetPasswordSchema.safeParse(input).error?.issues.map((i) => i.path.join("."));
    expect(issues({ token, newPassword: "long enough 1", confirmPassword: "long enough 1" })).toBeUndefined();
    expect(issues({ token, newPassword: "long enough 1", confirmPassword: "long enough 2" })).toEqual(["confirmPassword"]);
    expect(issues({ token: "short", newPassword: "long enough 1", confirmPassword: "long enough 1" })).toEqual(["token"]);
  });

  it("an unknown address gets nothing, and every address is limited to three requests an hour", async () => {
    const email = `nobody-${Date.now().toString(36)}@example.test`;
    const ip = "10.9.8.7";
    for (let i = 0; i < 3; i++) await limitPasswordResetRequests({ email, ip });
    await sendPasswordResetLink(email);
    expect(await emailedTokens(email)).toEqual([]);
    await expect(limitPasswordResetRequests({ email, ip })).rejects.toMatchObject({ status: 429, code: "rate_limited" });
  });
});

describe("deleteExpiredSessions", () => {
  it("deletes sessions older than the cookie's lifetime, revoked or not, and keeps younger ones", async () => {
    const { owner, here, elsewhere } = await ownerWithTwoSessions();
    const young = await signedInSession(owner.userId, owner.salonId);
    const now = new Date("2026-12-09T12:00:00Z");
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    await db.session.update({ where: { id: here.sessionId }, data: { createdAt: daysAgo(15) } });
    await db.session.update({ where: { id: elsewhere.sessionId }, data: { createdAt: daysAgo(20), revokedAt: daysAgo(19) } });
    await db.session.update({ where: { id: young.sessionId }, data: { createdAt: daysAgo(13) } });

    expect(await deleteExpiredSessions(() => now)).toBe(2);
    const left = await db.session.findMany({ where: { userId: owner.userId }, select: { id: true } });
    expect(left).toEqual([{ id: young.sessionId }]);
    expect(await deleteExpiredSessions(() => now)).toBe(0);
  });
});

describe("summarizeUserAgent", () => {
  it("names the browser and system roughly", () => {
    const mac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 Chrome/130.0 Safari/537.36";
    const iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile/15E148 Safari/604.1";
    expect(summarizeUserAgent(mac)).toBe("Chrome on macOS");
    expect(summarizeUserAgent(iphone)).toBe("Safari on iOS");
    expect(summarizeUserAgent(null)).toBeNull();
  });
});
