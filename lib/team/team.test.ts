// The team: invitations (single-use, expiring, salon-bound links stored hashed), role changes that never
// leave a salon without an owner, removal that ends the member's sessions at once, and owners only —
// a staff member's attempt through the server actions is refused and changes nothing.
import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { OWNER_ONLY_MESSAGE } from "@/lib/api/salon-action";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { hashEmailedToken } from "@/lib/auth/emailed-tokens";
import { resolveSessionFromHeaders } from "@/lib/auth/session-token";
import { db, salonDb } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { processDeliverJob } from "@/lib/messaging/delivery/deliver-notification";
import { stopBoss } from "@/lib/jobs/boss";
import { addMember, createSalonWithOwner, sessionCookieFor, signedInSession } from "@/lib/testing/auth-fixtures";
import { createCallLog, createCustomer } from "@/lib/testing/factories";
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from "@/lib/team/actions";
import {
  acceptInvitationAsNewUser,
  acceptInvitationWithPassword,
  findUsableInvitation,
  inviteMember,
  listPendingInvitations,
  resendInvitation,
  revokeInvitation,
} from "@/lib/team/invitations";
import { changeMemberRole, listMembers, removeMember } from "@/lib/team/members";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

afterAll(async () => {
  await stopBoss();
  await closeRateLimitStore();
});
beforeEach(() => {
  request.headers = new Headers();
});

const T0 = new Date("2026-03-04T15:00:00Z");
const at = (days: number) => () => new Date(T0.getTime() + days * 24 * 60 * 60_000);
let seq = 0;
const newEmail = () => `invitee-${seq++}-${Math.random().toString(36).slice(2, 8)}@example.test`;

/** The token in the newest invitation e-mail to `email`, read from the local mail sink (the notification row). */
async function emailedToken(email: string): Promise<string> {
  const mail = await db.notification.findFirstOrThrow({
    where: { channel: "EMAIL", destination: email },
    orderBy: { createdAt: "desc" },
  });
  const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(mail.body)?.[1];
  if (!token) throw new Error(`no invitation link in: ${mail.body}`);
  return token;
}

async function invite(salonId: string, invitedBy: string, email = newEmail(), clock = at(0)) {
  const invitation = await inviteMember(salonId, invitedBy, { email, role: "STAFF" }, clock);
  return { invitation, email, token: await emailedToken(email) };
}

const membershipsOf = (email: string) =>
  db.membership.findMany({ where: { user: { email } }, select: { salonId: true, role: true } });

describe("invitations", () => {
  it("the e-mailed link creates the account with a STAFF membership, once; only its hash is stored", async () => {
    const owner = await createSalonWithOwner();
    const { invitation, email, token } = await invite(owner.salonId, owner.userId);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toBe(hashEmailedToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await findUsableInvitation(token, at(1))).toMatchObject({ email, role: "STAFF", hasAccount: false });

    await acceptInvitationAsNewUser({ token, name: "Nia New", password: "a fine new password" }, at(1));
    expect(await membershipsOf(email)).toEqual([{ salonId: owner.salonId, role: "STAFF" }]);
    await expect(
      acceptInvitationAsNewUser({ token, name: "Nia Again", password: "another password" }, at(1)),
    ).rejects.toMatchObject({ status: 410, code: "invitation_invalid" });
    expect(await findUsableInvitation(token, at(1))).toBeNull();
    expect(await listPendingInvitations(owner.salonId)).toEqual([]);
  });

  it("a link stops working when it expires, is replaced by a resend, or is revoked", async () => {
    const owner = await createSalonWithOwner();
    const expired = await invite(owner.salonId, owner.userId);
    await expect(
      acceptInvitationAsNewUser({ token: expired.token, name: "Late", password: "a fine new password" }, at(7.01)),
    ).rejects.toMatchObject({ code: "invitation_invalid" });

    // Resent (after it expired): the old link is dead, the new one works for another week.
    await resendInvitation(owner.salonId, expired.invitation.id, owner.userId, at(8));
    const renewed = await emailedToken(expired.email);
    expect(renewed).not.toBe(expired.token);
    expect(await findUsableInvitation(expired.token, at(8))).toBeNull();
    expect(await findUsableInvitation(renewed, at(14.9))).not.toBeNull();

    await revokeInvitation(owner.salonId, expired.invitation.id, at(9));
    await expect(
      acceptInvitationAsNewUser({ token: renewed, name: "Revoked", password: "a fine new password" }, at(9)),
    ).rejects.toMatchObject({ code: "invitation_invalid" });
    expect(await membershipsOf(expired.email)).toEqual([]);
  });

  it("salon A's link joins only salon A, and salon B's owner can't see, resend or revoke it", async () => {
    const a = await createSalonWithOwner();
    const b = await createSalonWithOwner();
    // Someone already working at salon B is invited to salon A and accepts with their password.
    const bStaff = await addMember(b.salonId);
    const { invitation, token } = await invite(a.salonId, a.userId, bStaff.email);

    expect(await listPendingInvitations(b.salonId)).toEqual([]);
    expect(await salonDb(b.salonId).invitation.findMany()).toEqual([]);
    await expect(revokeInvitation(b.salonId, invitation.id)).rejects.toMatchObject({ status: 404 });
    await expect(resendInvitation(b.salonId, invitation.id, b.userId)).rejects.toMatchObject({ status: 404 });

    await expect(acceptInvitationWithPassword({ token, password: "not it" }, at(1))).rejects.toMatchObject({
      code: "wrong_password",
    });
    await acceptInvitationWithPassword({ token, password: bStaff.password }, at(1));
    expect((await membershipsOf(bStaff.email)).sort((x, y) => x.salonId.localeCompare(y.salonId))).toEqual(
      [
        { salonId: a.salonId, role: "STAFF" },
        { salonId: b.salonId, role: "STAFF" },
      ].sort((x, y) => x.salonId.localeCompare(y.salonId)),
    );
    expect(await db.membership.count({ where: { salonId: b.salonId } })).toBe(2);
    // A new-account accept for an address that has an account is refused, and leaves the link unused.
    const other = await invite(a.salonId, a.userId, b.email);
    await expect(
      acceptInvitationAsNewUser({ token: other.token, name: "B Owner", password: "a fine new password" }, at(1)),
    ).rejects.toMatchObject({ code: "account_exists" });
    expect(await findUsableInvitation(other.token, at(1))).toMatchObject({ hasAccount: true });
  });

  it("once the SMTP server has the e-mail, the stored copy keeps no working link (the whole salon can read it)", async () => {
    const received: string[] = [];
    // Just enough SMTP for nodemailer: every command accepted, the message collected.
    const server = createServer((socket) => {
      let inData = false;
      socket.write("220 test\r\n");
      socket.on("data", (chunk) => {
        for (const line of chunk.toString().split("\r\n").filter(Boolean)) {
          if (inData) {
            if (line !== ".") received.push(line);
            else {
              inData = false;
              socket.write("250 queued\r\n");
            }
          } else if (/^DATA/i.test(line)) {
            inData = true;
            socket.write("354 go\r\n");
          } else if (/^QUIT/i.test(line)) socket.end("221 bye\r\n");
          else socket.write(/^EHLO/i.test(line) ? "250 test\r\n" : "250 ok\r\n");
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${port}`);
    reloadEnv();
    try {
      const owner = await createSalonWithOwner();
      const { email, token } = await invite(owner.salonId, owner.userId);
      const mail = await db.notification.findFirstOrThrow({ where: { destination: email } });
      expect(await processDeliverJob({ notificationId: mail.id, salonId: owner.salonId })).toMatchObject({ result: "sent" });
      expect(received.join("\n")).toContain(token);
      const kept = await db.notification.findUniqueOrThrow({ where: { id: mail.id } });
      expect(kept).toMatchObject({ status: "SENT" });
      expect(kept.body).not.toContain(token);
      expect(kept.body).toContain("/invite/[link removed after sending]");
    } finally {
      vi.unstubAllEnvs();
      reloadEnv();
      server.close();
    }
  });

  it("refuses to invite someone already on the team", async () => {
    const owner = await createSalonWithOwner();
    await expect(inviteMember(owner.salonId, owner.userId, { email: owner.email, role: "STAFF" })).rejects.toMatchObject({
      status: 409,
      code: "already_member",
    });
  });
});

describe("members", () => {
  it("lists the team; a role change never leaves the salon without an owner", async () => {
    const owner = await createSalonWithOwner();
    const staff = await addMember(owner.salonId);
    await signedInSession(staff.userId, owner.salonId);
    const members = await listMembers(owner.salonId);
    expect(members.map((m) => [m.email, m.role])).toEqual([
      [owner.email, "OWNER"],
      [staff.email, "STAFF"],
    ]);
    expect(members[1]!.lastSeenAt).toBeInstanceOf(Date);

    await expect(changeMemberRole(owner.salonId, owner.userId, "STAFF")).rejects.toMatchObject({ code: "last_owner" });
    await changeMemberRole(owner.salonId, staff.userId, "OWNER");
    await changeMemberRole(owner.salonId, owner.userId, "STAFF");
    expect((await listMembers(owner.salonId)).map((m) => m.role)).toEqual(["OWNER", "STAFF"]);
  });

  it("two owners demoting each other at once: exactly one succeeds", async () => {
    const first = await createSalonWithOwner();
    const second = await addMember(first.salonId, "OWNER");
    const results = await Promise.allSettled([
      changeMemberRole(first.salonId, first.userId, "STAFF"),
      changeMemberRole(first.salonId, second.userId, "STAFF"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { salonId: first.salonId, role: "OWNER" } })).toBe(1);
  });

  it("removing a member ends their sessions at once; an owner can't remove themselves", async () => {
    const owner = await createSalonWithOwner();
    const staff = await addMember(owner.salonId);
    const { cookie } = await signedInSession(staff.userId, owner.salonId);
    expect(await resolveSessionFromHeaders(new Headers({ cookie }))).not.toBeNull();
    // What was assigned to them goes back to nobody.
    const call = await createCallLog(owner.salonId, { followUp: "OPEN", assigneeId: staff.userId });
    const customer = await createCustomer(owner.salonId, { followUp: "OPEN", followUpAssigneeId: staff.userId });

    await removeMember(owner.salonId, staff.userId, owner.userId);
    expect(await resolveSessionFromHeaders(new Headers({ cookie }))).toBeNull();
    expect(await db.session.count({ where: { userId: staff.userId, revokedAt: null } })).toBe(0);
    expect(await db.callLog.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ followUp: "OPEN", assigneeId: null });
    expect(await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({ followUp: "OPEN", followUpAssigneeId: null });
    await expect(removeMember(owner.salonId, owner.userId, owner.userId)).rejects.toMatchObject({ code: "cannot_remove_self" });
    await expect(removeMember(owner.salonId, staff.userId, owner.userId)).rejects.toMatchObject({ status: 404 });
  });
});

describe("owners only", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };

  it("staff can't invite, change roles, remove or revoke; the owner can", async () => {
    const owner = await createSalonWithOwner();
    const staff = await addMember(owner.salonId);
    const { invitation } = await invite(owner.salonId, owner.userId);
    const roles = async () => (await listMembers(owner.salonId)).map((m) => [m.email, m.role]);
    const before = { members: await roles(), invites: await listPendingInvitations(owner.salonId) };

    request.headers = new Headers({ cookie: await sessionCookieFor(staff.userId, owner.salonId) });
    const refused = { ok: false, error: OWNER_ONLY_MESSAGE };
    expect(await inviteMemberAction(null, form({ email: newEmail() }))).toEqual(refused);
    expect(await changeMemberRoleAction(null, form({ userId: staff.userId, role: "OWNER" }))).toEqual(refused);
    expect(await removeMemberAction(null, form({ userId: owner.userId }))).toEqual(refused);
    expect(await revokeInvitationAction(null, form({ id: invitation.id }))).toEqual(refused);
    expect(await roles()).toEqual(before.members);
    expect(await listPendingInvitations(owner.salonId)).toEqual(before.invites);

    request.headers = new Headers({ cookie: await sessionCookieFor(owner.userId, owner.salonId) });
    const email = newEmail();
    expect(await inviteMemberAction(null, form({ email }))).toEqual({ ok: true, message: `Invitation sent to ${email}.` });
    expect(await changeMemberRoleAction(null, form({ userId: owner.userId, role: "STAFF" }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at least one owner/),
    });
  });
});
