// Revocable sessions: a revoked or removed session's cookie stops working at once, in the API wrapper and
// for pages; a password change ends the user's other sessions; "sign out everywhere" ends all of them.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getSalon } from "@/app/api/salon/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { changePassword } from "@/lib/auth/change-password";
import { verifyPassword } from "@/lib/auth/password";
import { getSessionContext } from "@/lib/auth/session";
import { resolveSessionFromHeaders } from "@/lib/auth/session-token";
import { deleteExpiredSessions, listActiveSessions, revokeSession, revokeUserSessions, summarizeUserAgent } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { addMember, apiRequest, createSalonWithOwner, noParams, signedInSession } from "@/lib/testing/auth-fixtures";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));

afterAll(closeRateLimitStore);
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
