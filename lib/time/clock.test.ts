// The sandbox clock (BOLT_SANDBOX_NOW): where it starts and how it runs, and that the hour rules read
// it — the receptionist, the auto-reply, quiet hours at delivery and in what the pages say of a text due now
// (a text planned for later is judged by its own moment) — while
// what is stored and scheduled stays on the real clock. The real clock is faked here (Date only).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { processDeliverJob } from "@/lib/messaging/delivery/deliver-notification";
import { sendAutoReplyOnce } from "@/lib/messaging/auto-reply";
import { expectedSendTime } from "@/lib/messaging/expected-send-time";
import { sendSms } from "@/lib/messaging/send-sms";
import { createCustomer } from "@/lib/testing/factories";
import { createTextingSalon, setUpTextingServers } from "@/lib/testing/delivery-test-kit";
import { CLOCK, createReceptionistSalon, turn } from "@/lib/testing/gather-test-kit";
import { realTimeOf, resetSalonClockForTests, salonClockTime, startSalonClock } from "@/lib/time/clock";

const servers = setUpTextingServers();

const REAL = new Date("2026-12-09T12:00:00Z");
const MINUTE = 60_000;

function runSandboxClock(setting: string | undefined, real = REAL) {
  vi.useFakeTimers({ toFake: ["Date"], now: real });
  if (setting !== undefined) vi.stubEnv("BOLT_SANDBOX_NOW", setting);
  reloadEnv();
  resetSalonClockForTests();
}

// Not vi.unstubAllEnvs: the texting servers' TWILIO_* stubs must outlive each test.
beforeEach(() => {
  vi.stubEnv("BOLT_SANDBOX_NOW", undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.stubEnv("BOLT_SANDBOX_NOW", undefined);
  reloadEnv();
  resetSalonClockForTests();
});

describe("the salon clock", () => {
  it("is the real clock without BOLT_SANDBOX_NOW", () => {
    runSandboxClock(undefined);
    expect(startSalonClock()).toBeNull();
    expect(salonClockTime(REAL)).toEqual(REAL);
    expect(realTimeOf(REAL)).toEqual(REAL);
  });

  it("starts at BOLT_SANDBOX_NOW when first read and runs forward with the real clock", () => {
    runSandboxClock("2026-03-10T22:00:00-04:00");
    expect(startSalonClock()).toEqual(new Date("2026-03-11T02:00:00Z"));
    vi.setSystemTime(REAL.getTime() + 10 * MINUTE);
    const later = salonClockTime(new Date());
    expect(later).toEqual(new Date("2026-03-11T02:10:00Z"));
    expect(realTimeOf(later)).toEqual(new Date(REAL.getTime() + 10 * MINUTE));
  });

  it("starts afresh when the setting changes", () => {
    runSandboxClock("2026-03-10T22:00:00-04:00");
    startSalonClock();
    vi.stubEnv("BOLT_SANDBOX_NOW", "2026-11-01T09:30:00-05:00");
    reloadEnv();
    expect(salonClockTime(REAL)).toEqual(new Date("2026-11-01T14:30:00Z"));
  });
});

describe("the hour rules read it", () => {
  it("the receptionist answers by the salon clock and notes the turn at the real time", async () => {
    const { salon } = await createReceptionistSalon();
    // Real Tuesday noon, salon clock Tuesday 10 PM: closed.
    runSandboxClock(CLOCK.tuesdayNight.toISOString(), CLOCK.tuesdayNoon);
    const hours = await turn(salon, { digits: "1", now: CLOCK.tuesdayNoon });
    expect(hours.xml).toContain("We're closed now; we open tomorrow at 9 AM.");
    const transfer = await turn(salon, { digits: "5", now: CLOCK.tuesdayNoon });
    expect(transfer.xml).not.toContain("<Dial");
    expect(transfer.xml).toContain("<Record");
    const events = await db.callEvent.findMany({ where: { callLog: { callSid: transfer.call.callSid } } });
    expect(events.map((e) => e.at)).toEqual(events.map(() => CLOCK.tuesdayNoon));
  });

  it("the auto-reply tells the hours by the salon clock", async () => {
    const { salon } = await createReceptionistSalon();
    const customer = await createCustomer(salon.id);
    runSandboxClock(CLOCK.tuesdayNoon.toISOString(), CLOCK.tuesdayNight);
    expect(await sendAutoReplyOnce(salon, customer.id, CLOCK.tuesdayNight)).toBe("sent");
    const reply = await db.notification.findFirstOrThrow({ where: { salonId: salon.id, kind: "AUTO_REPLY" } });
    expect(reply.body).toContain("We're open today until 7 PM.");
  });

  describe("quiet hours (21:00–08:00 in UTC)", () => {
    const QUIET = { timeZone: "UTC", quietHoursStart: "21:00", quietHoursEnd: "08:00" };
    const deliver = (n: { id: string; salonId: string }) =>
      processDeliverJob({ notificationId: n.id, salonId: n.salonId }, { retryCount: 0, retryLimit: 5 });

    it("hold a text while the salon clock is at night, until its morning on the real clock", async () => {
      const salon = await createTextingSalon(servers.standIn, QUIET);
      runSandboxClock("2026-12-09T23:00:00Z"); // 11 hours ahead of the real clock
      const n = await sendSms({ salonId: salon.id, kind: "REMINDER", body: "Reminder", to: { phone: "+14155550102" } });
      const outcome = await deliver(n);
      // The salon clock's 08:00 is 21:00 on the real clock, which pg-boss and the row keep.
      expect(outcome).toEqual({ result: "deferred", until: new Date("2026-12-09T21:00:00Z") });
      const row = await db.notification.findUniqueOrThrow({ where: { id: n.id } });
      expect(row.scheduledFor).toEqual(new Date("2026-12-09T21:00:00Z"));
      expect(expectedSendTime(n, REAL, salon)).toEqual({ at: new Date("2026-12-09T21:00:00Z"), afterQuietHours: true });
      expect(servers.standIn.state.messages).toHaveLength(0);
    });

    it("send at once while the salon clock is in the day, though the real clock is at night", async () => {
      const salon = await createTextingSalon(servers.standIn, QUIET);
      runSandboxClock("2026-12-09T11:00:00Z", new Date("2026-12-09T23:00:00Z"));
      const n = await sendSms({ salonId: salon.id, kind: "REMINDER", body: "Reminder", to: { phone: "+14155550103" } });
      expect(expectedSendTime(n, new Date(), salon).afterQuietHours).toBe(false);
      expect(await deliver(n)).toMatchObject({ result: "sent" });
    });

    it("a text planned for later is judged by that moment's own time, not by the pinned present", async () => {
      const salon = await createTextingSalon(servers.standIn, QUIET);
      runSandboxClock("2026-12-09T23:00:00Z"); // the pinned present is at night, 11 hours ahead
      const at = (iso: string) => ({ kind: "REMINDER" as const, scheduledFor: new Date(iso) });
      // Tomorrow 10:00 is in the day, though the salon clock would read it as 21:00.
      expect(expectedSendTime(at("2026-12-10T10:00:00Z"), REAL, salon)).toEqual({ at: new Date("2026-12-10T10:00:00Z"), afterQuietHours: false });
      // Tomorrow 06:00 is in quiet hours: it waits for 08:00 that morning.
      expect(expectedSendTime(at("2026-12-10T06:00:00Z"), REAL, salon)).toEqual({ at: new Date("2026-12-10T08:00:00Z"), afterQuietHours: true });
    });
  });
});
