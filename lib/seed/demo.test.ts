// The demo seed runs on every `npm start`: it must create a full salon once and then change nothing,
// with calls at believable hours and voicemails that play from the Twilio sandbox, restart or not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as recordingRoute } from "@/app/api/telephony/call-logs/[id]/recording/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { createApiKey } from "@/lib/auth/api-keys";
import { callOutcomeOf } from "@/lib/calls/call-outcome";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { verifyPassword } from "@/lib/auth/password";
import { isOpenAt, parseBusinessHours } from "@/lib/salons/business-hours";
import { DEMO_OWNER, DEMO_SALON_SLUG, seedDemoSalon } from "@/lib/seed/demo";
import { registerSandboxRecordings } from "@/lib/seed/sandbox-recordings";
import type { TwilioStandIn } from "@/lib/telephony/standin";
import { MAIN_ACCOUNT, startStandInForTests } from "@/lib/telephony/standin/test-support";
import { apiRequest, idParams } from "@/lib/testing/auth-fixtures";
import { getZonedParts } from "@/lib/time/zoned";

// The sandbox account stands in for TWILIO_ACCOUNT_SID, as `npm start` sets it before seeding.
let standIn: TwilioStandIn;
beforeAll(async () => {
  standIn = await startStandInForTests();
});
afterAll(async () => {
  await stopBoss();
  await standIn.close();
  await closeRateLimitStore();
});

describe("seedDemoSalon", () => {
  it("creates the demo salon with logins and activity, and is idempotent", async () => {
    const seededAt = new Date();
    const first = await seedDemoSalon(db, seededAt);
    expect(first.created).toBe(true);
    const counts = async () => ({
      salons: await db.salon.count({ where: { slug: DEMO_SALON_SLUG } }),
      customers: await db.customer.count({ where: { salonId: first.salonId } }),
      appointments: await db.appointment.count({ where: { salonId: first.salonId } }),
      calls: await db.callLog.count({ where: { salonId: first.salonId } }),
      notifications: await db.notification.count({ where: { salonId: first.salonId } }),
      inbound: await db.inboundMessage.count({ where: { salonId: first.salonId } }),
    });
    const before = await counts();
    expect(before.salons).toBe(1);
    expect(before.customers).toBeGreaterThan(5);
    expect(before.appointments).toBeGreaterThan(5);
    expect(before.calls).toBeGreaterThan(10);
    expect(before.notifications).toBeGreaterThan(10);
    expect(before.inbound).toBeGreaterThan(0);

    // Every coming appointment has its reminders queued at the salon's offsets (24 h and 2 h before).
    // A customer who opted out gets none: theirs end CANCELED at once, like any text to them.
    const upcoming = await db.appointment.findMany({
      where: { salonId: first.salonId, startsAt: { gt: seededAt } },
      select: { id: true, startsAt: true, customer: { select: { smsConsent: true } } },
    });
    const reminders = await db.notification.findMany({
      where: { salonId: first.salonId, kind: "REMINDER" },
      select: { appointmentId: true, scheduledFor: true, status: true },
    });
    for (const appointment of upcoming) {
      const expected = [1440, 120]
        .map((m) => appointment.startsAt.getTime() - m * 60_000)
        .filter((t) => t > seededAt.getTime());
      const mine = reminders.filter((r) => r.appointmentId === appointment.id);
      expect(mine.map((r) => r.scheduledFor?.getTime()).sort()).toEqual(expected.sort());
      const status = appointment.customer.smsConsent === "OPTED_OUT" ? "CANCELED" : "QUEUED";
      expect(mine.every((r) => r.status === status)).toBe(true);
    }
    expect(reminders.length).toBeGreaterThan(10);

    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_OWNER.email } });
    expect(await verifyPassword(owner.passwordHash, DEMO_OWNER.password)).toBe(true);

    const second = await seedDemoSalon(db);
    expect(second).toEqual({ salonId: first.salonId, created: false });
    expect(await counts()).toEqual(before);
  });

  it("places calls at salon hours: mostly while open, after hours only voicemail, Bolt or a hang-up", async () => {
    const now = new Date();
    const { salonId } = await seedDemoSalon(db, now);
    const salon = await db.salon.findUniqueOrThrow({ where: { id: salonId } });
    const hours = parseBusinessHours(salon.businessHours)!;
    const calls = await db.callLog.findMany({ where: { salonId } });
    const open = calls.filter((c) => isOpenAt(hours, salon.timeZone, c.startedAt));
    const closed = calls.filter((c) => !isOpenAt(hours, salon.timeZone, c.startedAt));
    expect(open.length / calls.length).toBeGreaterThan(0.7);
    expect(closed.length).toBeGreaterThan(2);
    for (const call of calls) {
      expect(call.startedAt.getTime()).toBeLessThan(now.getTime());
      expect(now.getTime() - call.startedAt.getTime()).toBeLessThan(15 * 86_400_000);
      // Nobody calls a salon between 10 PM and 7 AM.
      const { hour } = getZonedParts(call.startedAt, salon.timeZone);
      expect(hour >= 7 && hour < 22, `call at ${hour}:00`).toBe(true);
    }
    for (const call of closed) expect(["VOICEMAIL", "ANSWERED_BY_BOLT", "MISSED"]).toContain(callOutcomeOf(call));
    expect(closed.some((c) => callOutcomeOf(c) === "VOICEMAIL")).toBe(true);
    const outcomes = new Set(calls.map((c) => callOutcomeOf(c)));
    expect([...outcomes].sort()).toEqual(["ANSWERED_BY_BOLT", "ANSWERED_BY_STAFF", "MISSED", "VOICEMAIL"]);
  });

  it("gives every voicemail a transcript and a recording the sandbox plays, after a restart too", async () => {
    const { salonId } = await seedDemoSalon(db);
    const voicemails = await db.callLog.findMany({ where: { salonId, recordingSid: { not: null } } });
    expect(voicemails.length).toBeGreaterThanOrEqual(3);
    for (const call of voicemails) {
      expect(call.transcription?.length).toBeGreaterThan(40);
      expect(call.transcriptionStatus).toBe("completed");
      expect(call.recordingDurationSeconds).toBeGreaterThan(5);
      expect(call.recordingUrl).toBe(`https://api.twilio.com/2010-04-01/Accounts/${MAIN_ACCOUNT.sid}/Recordings/${call.recordingSid}`);
    }
    const { plaintextKey } = await createApiKey(salonId, { name: "demo test" });
    const play = async (id: string) => {
      const res = await recordingRoute(apiRequest(`/api/telephony/call-logs/${id}/recording`, { key: plaintextKey }), idParams(id));
      return { status: res.status, type: res.headers.get("content-type"), size: (await res.arrayBuffer()).byteLength };
    };

    // Like `npm start`: a fresh sandbox knows nothing until it is handed the database's recordings.
    standIn.state.reset();
    expect((await play(voicemails[0]!.id)).status).toBe(404);
    for (const restart of [1, 2]) {
      standIn.state.reset();
      expect(await registerSandboxRecordings(db, standIn.state, MAIN_ACCOUNT.sid)).toBe(voicemails.length);
      for (const call of voicemails) {
        const played = await play(call.id);
        expect(played, `restart ${restart}`).toMatchObject({ status: 200, type: "audio/mpeg" });
        // 32 kbps MP3: about 4 KB a second, as long as the call log says.
        expect(played.size).toBeGreaterThan(call.recordingDurationSeconds! * 3500);
        expect(played.size).toBeLessThan(call.recordingDurationSeconds! * 4500);
      }
    }
  });
});
