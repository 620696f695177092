// The demo seed runs on every `npm start`: it must create a full salon once and then change nothing,
// with calls at believable hours and voicemails that play from the Twilio sandbox, restart or not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as recordingRoute } from "@/app/api/telephony/call-logs/[id]/recording/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { createApiKey } from "@/lib/auth/api-keys";
import { callOutcomeOf } from "@/lib/calls/call-outcome";
import { getCallLog } from "@/lib/calls/get-call-log";
import { listComingAppointments } from "@/lib/appointments/list-coming-appointments";
import { getConversation } from "@/lib/conversations/get-conversation";
import { listConversations } from "@/lib/conversations/list-conversations";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { describeAppointment, RESCHEDULE_REPLY, rescheduleAlertBody } from "@/lib/messaging/keyword-actions";
import { verifyPassword } from "@/lib/auth/password";
import { isOpenAt, parseBusinessHours } from "@/lib/salons/business-hours";
import { DEMO_OWNER, DEMO_SALON_SLUG, seedDemoSalon } from "@/lib/dev/seed/demo";
import { DEMO_TIME_ZONE } from "@/lib/dev/seed/demo-salon";
import { serveSandboxRecordingsFromDatabase } from "@/lib/dev/seed/sandbox-recordings";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { MAIN_ACCOUNT, startStandInForTests } from "@/lib/testing/twilio-sandbox";
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
      callEvents: await db.callEvent.count({ where: { salonId: first.salonId } }),
      notifications: await db.notification.count({ where: { salonId: first.salonId } }),
      inbound: await db.inboundMessage.count({ where: { salonId: first.salonId } }),
    });
    const before = await counts();
    expect(before.salons).toBe(1);
    expect(before.customers).toBeGreaterThan(5);
    expect(before.appointments).toBeGreaterThan(5);
    expect(before.calls).toBeGreaterThan(10);
    expect(before.callEvents).toBeGreaterThan(before.calls);
    expect(before.notifications).toBeGreaterThan(10);
    expect(before.inbound).toBeGreaterThan(0);

    // Every coming appointment has its reminders queued at the salon's offsets (24 h and 2 h before).
    // A customer who opted out gets none: theirs end CANCELED at once, like any text to them. Reminders
    // whose moment had passed when the seed ran went out before it (or were stopped), never left queued.
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
      const ahead = mine.filter((r) => r.scheduledFor!.getTime() > seededAt.getTime());
      expect(ahead.map((r) => r.scheduledFor?.getTime()).sort()).toEqual(expected.sort());
      const status = appointment.customer.smsConsent === "OPTED_OUT" ? "CANCELED" : "QUEUED";
      expect(ahead.every((r) => r.status === status)).toBe(true);
      expect(mine.filter((r) => !ahead.includes(r)).every((r) => r.status !== "QUEUED")).toBe(true);
    }
    expect(reminders.length).toBeGreaterThan(10);
    expect(upcoming.some((a) => a.customer.smsConsent === "OPTED_OUT")).toBe(true);
    // Every customer text has been acted on: the worker's retry sweep has nothing to answer again.
    expect(await db.inboundMessage.count({ where: { salonId: first.salonId, processedAt: null } })).toBe(0);

    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_OWNER.email } });
    expect(await verifyPassword(owner.passwordHash, DEMO_OWNER.password)).toBe(true);

    const second = await seedDemoSalon(db);
    expect(second).toEqual({ salonId: first.salonId, created: false });
    expect(await counts()).toEqual(before);
  });

  it("shows one coming appointment whose customer texted R, unread, with Bolt's answer in the thread", async () => {
    const now = new Date();
    const { salonId } = await seedDemoSalon(db, now);
    const { appointments } = await listComingAppointments(salonId, { timeZone: DEMO_TIME_ZONE, now });
    const flagged = appointments.filter((a) => a.rescheduleRequestedAt);
    expect(flagged).toHaveLength(1);
    const target = flagged[0]!;
    expect(target.customer.smsConsent).toBe("OPTED_IN");
    // The e2e reschedule spec texts R for the first row with a "Send reminder" button: not this one,
    // and that customer has nothing unread (their R must be the first text after the "New" line).
    const textable = appointments.filter(
      (a) => a.startsAt > now && (a.status === "BOOKED" || a.status === "CONFIRMED") && a.customer.smsConsent === "OPTED_IN",
    );
    expect(textable.indexOf(target)).toBeGreaterThan(0);
    expect((await getConversation(salonId, textable[0]!.customer.id)).unreadCount).toBe(0);

    const thread = await getConversation(salonId, target.customer.id);
    const r = thread.messages.find((m) => m.direction === "INBOUND" && m.keyword === "RESCHEDULE");
    expect(r).toMatchObject({ body: "R", readAt: null, at: target.rescheduleRequestedAt });
    expect(thread.unreadCount).toBe(1);
    const answer = thread.messages.find((m) => m.direction === "OUTBOUND" && m.kind === "APPOINTMENT_REPLY" && m.at > r!.at);
    expect(answer).toMatchObject({
      body: `Luxe Hair Studio: ${RESCHEDULE_REPLY}`,
      status: "DELIVERED",
    });
    // The front desk was told, about this appointment, as keyword-actions.ts does for a real R.
    const alert = await db.notification.findFirstOrThrow({ where: { salonId, kind: "STAFF_ALERT", appointmentId: target.id } });
    const about = describeAppointment(target.service?.name, target.startsAt, r!.at, DEMO_TIME_ZONE);
    expect(alert.body).toBe(`Luxe Hair Studio: ${rescheduleAlertBody(target.customer, about, true)}`);
  });

  it("fills the inbox as the real paths would: each row placed, dated and previewed by its latest own text", async () => {
    const { salonId } = await seedDemoSalon(db, new Date());
    // The rule of list-conversations.ts: lastMessageAt is the latest text from the customer or from staff.
    const customers = await db.customer.findMany({
      where: { salonId },
      select: {
        id: true,
        lastMessageAt: true,
        inboundMessages: { orderBy: { receivedAt: "desc" }, take: 1, select: { receivedAt: true } },
        notifications: { where: { kind: "CUSTOM", channel: "SMS" }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
      },
    });
    const latestOwnText = (c: (typeof customers)[number]) =>
      [c.inboundMessages[0]?.receivedAt, c.notifications[0]?.createdAt].reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);
    expect(customers.filter((c) => c.lastMessageAt?.getTime() !== latestOwnText(c)?.getTime())).toEqual([]);

    const { data } = await listConversations(salonId, { limit: 100 });
    expect(data.length).toBeGreaterThanOrEqual(5);
    expect(data.some((c) => c.lastMessage?.direction === "OUTBOUND")).toBe(true);
    for (const c of data) {
      const text = c.lastMessage!;
      if (text.direction === "INBOUND") expect(text.at).toEqual(c.lastMessageAt);
      else expect(await db.notification.findUniqueOrThrow({ where: { id: text.id } })).toMatchObject({ kind: "CUSTOM", createdAt: c.lastMessageAt });
    }
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

  it("gives every call a timeline that tells how it went, as its page shows it", async () => {
    const now = new Date();
    const { salonId } = await seedDemoSalon(db, now);
    const calls = await db.callLog.findMany({ where: { salonId }, select: { id: true } });
    const seen = new Set<string>();
    for (const { id } of calls) {
      const call = await getCallLog(salonId, id);
      const { timeline } = call;
      const kinds = timeline.map((e) => e.kind);
      const where = `call ${id} (${kinds.join(", ")})`;
      kinds.forEach((k) => seen.add(k));
      expect(timeline.map((e) => e.at.getTime()), where).toEqual(timeline.map((e) => e.at.getTime()).sort((a, b) => a - b));
      for (const entry of timeline) {
        expect(entry.at.getTime(), where).toBeGreaterThanOrEqual(call.startedAt.getTime());
        expect(entry.at.getTime(), where).toBeLessThanOrEqual(now.getTime());
        expect(entry.label, where).not.toMatch(/undefined|null|NaN/);
      }
      const heard = timeline.filter((e) => e.kind === "heard");
      switch (callOutcomeOf(call)) {
        case "ANSWERED_BY_BOLT":
          // The call's reason is what the caller asked, and Bolt answered it (or, to a caller who
          // opted out of texts, offered a message instead of the booking text).
          expect(heard.map((e) => e.intent), where).toContain(call.reason);
          expect(kinds.some((k) => k === "info_given" || k === "booking_text" || k === "voicemail_started"), where).toBe(true);
          break;
        case "ANSWERED_BY_STAFF":
          expect(kinds.filter((k) => k.startsWith("transfer_") || k === "answered"), where).toEqual(["transfer_started", "answered", "transfer_ended"]);
          expect(timeline.find((e) => e.kind === "transfer_ended")?.result, where).toBe("completed");
          // Taken by pressing 1 at the screening, as the real transfer now records it.
          expect(timeline.find((e) => e.kind === "answered")?.label, where).toMatch(/^Staff took the call at /);
          break;
        case "VOICEMAIL":
          expect(kinds.filter((k) => k === "voicemail_started" || k === "voicemail"), where).toEqual(["voicemail_started", "voicemail"]);
          expect(timeline.find((e) => e.kind === "voicemail")?.seconds, where).toBe(call.recordingDurationSeconds);
          break;
        case "MISSED":
          expect(heard, where).toEqual([]);
          if (call.missedCallTextAt) expect(timeline.at(-1)?.label, where).toMatch(/^Missed-call text (delivered|not sent)/);
          break;
      }
      if (call.reason === "BOOKING") expect(call.texts.map((t) => t.kind), where).toEqual(["BOOKING_INFO"]);
      // Stored as the webhooks would have stored it: the summary its events give, and a follow-up when one is due.
      const stored = await db.callLog.findUniqueOrThrow({ where: { id }, select: { summary: true, followUp: true } });
      expect(stored.summary, where).toEqual(call.summary);
      expect(stored.followUp !== null, where).toBe(call.summary.followUp !== null);
    }
    // A few follow-ups still open for staff, the older ones handled.
    const followUps = await db.callLog.groupBy({ by: ["followUp"], where: { salonId }, _count: true });
    const count = (state: string | null) => followUps.find((g) => g.followUp === state)?._count ?? 0;
    expect(count("OPEN")).toBe(3);
    expect(count("HANDLED")).toBeGreaterThan(0);
    // Across the demo: questions in words and keys, transfers both ways, voicemails with transcripts, goodbyes, texts.
    for (const kind of ["heard", "info_given", "booking_text", "transfer_started", "answered", "transfer_ended", "voicemail", "transcript_ready", "goodbye", "text"]) {
      expect(seen, kind).toContain(kind);
    }
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

    // Like `npm start`: a fresh sandbox knows nothing until it may look recordings up in the database.
    standIn.state.reset();
    expect((await play(voicemails[0]!.id)).status).toBe(404);
    for (const restart of [1, 2]) {
      standIn.state.reset();
      serveSandboxRecordingsFromDatabase(db, standIn.state, MAIN_ACCOUNT.sid);
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
