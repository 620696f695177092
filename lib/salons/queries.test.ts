// Salon profile and dashboard numbers, scoped to one salon.
import { describe, expect, it } from "vitest";
import { resolveDateRange } from "@/lib/calls/date-range";
import { getDashboardStats, getSalonById, updateSalonProfile } from "@/lib/salons/queries";
import { db } from "@/lib/db";
import type { CallReason, CallStatus } from "@/lib/generated/prisma/enums";
import { findSalonByNumber } from "@/lib/telephony/find-salon-by-number";
import { createSalonWithOwner } from "@/lib/testing/auth-fixtures";
import { createCallLog, createNotification, createSalon, uniquePhone } from "@/lib/testing/factories";

const HOUR = 3_600_000;

async function seedActivity(salonId: string, now: Date) {
  const customer = await db.customer.create({ data: { salonId, phone: "+14155550100" } });
  const call = (hoursAgo: number, status: CallStatus, reason: CallReason | null = null) =>
    createCallLog(salonId, { startedAt: new Date(now.getTime() - hoursAgo * HOUR), status, reason });
  await Promise.all([
    // Heard the hours from Bolt: answered, not missed.
    call(1, "COMPLETED", "HOURS"),
    call(2, "NO_ANSWER"),
    // Never understood and left no message: missed, as the Calls page's Missed filter counts it.
    call(3, "COMPLETED", "UNKNOWN"),
    call(30 * 24, "BUSY"),
  ]);
  const text = (status: "DELIVERED" | "FAILED" | "SENT" | "QUEUED") =>
    createNotification(salonId, { status, createdAt: new Date(now.getTime() - HOUR) });
  await Promise.all([text("DELIVERED"), text("DELIVERED"), text("FAILED"), text("SENT"), text("QUEUED")]);
  await db.appointment.createMany({
    data: [
      {
        salonId,
        customerId: customer.id,
        startsAt: new Date(now.getTime() + 24 * HOUR),
        endsAt: new Date(now.getTime() + 25 * HOUR),
      },
      {
        salonId,
        customerId: customer.id,
        startsAt: new Date(now.getTime() + 48 * HOUR),
        endsAt: new Date(now.getTime() + 49 * HOUR),
        status: "CANCELLED",
      },
      {
        salonId,
        customerId: customer.id,
        startsAt: new Date(now.getTime() - 48 * HOUR),
        endsAt: new Date(now.getTime() - 47 * HOUR),
      },
    ],
  });
}

describe("salon queries", () => {
  it("counts only the salon's own activity", async () => {
    // Wednesday afternoon in New York, so "today" and "the last 7 days" both hold the recent calls.
    const now = new Date("2026-03-11T20:00:00Z");
    const [a, b] = await Promise.all([createSalonWithOwner(), createSalonWithOwner()]);
    await seedActivity(a.salonId, now);
    await seedActivity(b.salonId, now);

    const stats = await getDashboardStats(a.salonId, now);
    expect(stats).toEqual({
      callsToday: 3,
      calls7d: 3,
      missedCalls7d: 2,
      textsSent7d: 3,
      textsDelivered7d: 2,
      textsFailed7d: 1,
      upcomingAppointments: 1,
      window: { today: "2026-03-11", weekStart: "2026-03-05" },
    });
    // Wednesday 4 PM EDT: since midnight, and since midnight last Thursday (EST, before the clocks changed).
    const since = (day: string) => resolveDateRange({ from: day }, "America/New_York").gte;
    expect(since(stats.window.today)).toEqual(new Date("2026-03-11T04:00:00Z"));
    expect(since(stats.window.weekStart)).toEqual(new Date("2026-03-05T05:00:00Z"));
  });

  it("counts the last 7 days on the salon's clock, so a Sunday still shows the week (and DST doesn't shift it)", async () => {
    // Sunday 2 PM in Los Angeles, the day the clocks sprang forward: the last 7 days are today and the
    // six before it, from midnight PST on Monday, Mar 2.
    const salon = await createSalon({ timeZone: "America/Los_Angeles" });
    const now = new Date("2026-03-08T21:00:00Z");
    const call = (startedAt: string, status: CallStatus, reason: CallReason | null = null) =>
      createCallLog(salon.id, { startedAt: new Date(startedAt), status, reason });
    await Promise.all([
      call("2026-03-08T17:00:00Z", "NO_ANSWER"), // today 10 AM: missed
      call("2026-03-08T00:00:00Z", "COMPLETED", "HOURS"), // Saturday 4 PM
      call("2026-03-07T19:00:00Z", "BUSY"), // Saturday 11 AM: missed
      call("2026-03-02T08:30:00Z", "COMPLETED", "HOURS"), // Monday 12:30 AM PST: inside
      call("2026-03-02T07:30:00Z", "BUSY"), // last Sunday 11:30 PM: before the window
      call("2026-02-27T20:00:00Z", "NO_ANSWER"),
    ]);
    const text = (createdAt: string) =>
      createNotification(salon.id, { status: "DELIVERED", createdAt: new Date(createdAt) });
    await Promise.all([text("2026-03-07T19:00:00Z"), text("2026-03-02T08:30:00Z"), text("2026-03-02T07:30:00Z")]);

    expect(await getDashboardStats(salon.id, now)).toMatchObject({
      callsToday: 1,
      calls7d: 4,
      missedCalls7d: 2,
      textsSent7d: 2,
      textsDelivered7d: 2,
    });
  });

  it("updates only the caller's salon profile", async () => {
    const [a, b] = await Promise.all([
      createSalonWithOwner(),
      createSalonWithOwner({ salonName: "Untouched" }),
    ]);
    const updated = await updateSalonProfile(a.salonId, {
      city: "Boston",
      phone: "+16175550100",
      addressLine1: null,
    });
    expect(updated).toMatchObject({
      id: a.salonId,
      city: "Boston",
      phone: "+16175550100",
      addressLine1: null,
    });
    expect((await getSalonById(b.salonId)).name).toBe("Untouched");
    await expect(updateSalonProfile("missing-salon", { city: "X" })).rejects.toMatchObject({ status: 404 });
  });

  it("the next webhook lookup sees a changed name, time zone and address", async () => {
    const number = uniquePhone();
    const salon = await createSalon({ twilioNumber: number, name: "Old Name", timeZone: "America/New_York" });
    expect((await findSalonByNumber(number))?.name).toBe("Old Name"); // now cached
    await updateSalonProfile(salon.id, { name: "New Name", timeZone: "America/Chicago", city: "Chicago" });
    expect(await findSalonByNumber(number)).toMatchObject({ name: "New Name", timeZone: "America/Chicago", city: "Chicago" });
  });
});
