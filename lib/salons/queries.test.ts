// Salon profile and dashboard numbers, scoped to one salon.
import { describe, expect, it } from "vitest";
import { getDashboardStats, getSalonById, updateSalonProfile } from "@/lib/salons/queries";
import { db } from "@/lib/db";
import type { CallReason, CallStatus } from "@/lib/generated/prisma/enums";
import { findSalonByNumber } from "@/lib/telephony/find-salon-by-number";
import { createSalonWithOwner } from "@/lib/testing/auth-fixtures";
import { createSalon, uniquePhone } from "@/lib/testing/factories";

const HOUR = 3_600_000;

async function seedActivity(salonId: string, now: Date) {
  const customer = await db.customer.create({ data: { salonId, phone: "+14155550100" } });
  const call = (n: number, hoursAgo: number, status: CallStatus, reason: CallReason | null = null) => ({
    salonId,
    callSid: `CA${salonId}${n}`,
    from: "+14155550100",
    to: "+14155550199",
    startedAt: new Date(now.getTime() - hoursAgo * HOUR),
    status,
    reason,
  });
  await db.callLog.createMany({
    data: [
      // Heard the hours from Bolt: answered, not missed.
      call(1, 1, "COMPLETED", "HOURS"),
      call(2, 2, "NO_ANSWER"),
      // Never understood and left no message: missed, as the Calls page's Missed filter counts it.
      call(3, 3, "COMPLETED", "UNKNOWN"),
      call(4, 30 * 24, "BUSY"),
    ],
  });
  const text = (status: "DELIVERED" | "FAILED" | "SENT" | "QUEUED") => ({
    salonId,
    recipientKind: "CUSTOMER" as const,
    destination: "+14155550100",
    body: "Hi",
    kind: "CUSTOM" as const,
    status,
    createdAt: new Date(now.getTime() - HOUR),
  });
  await db.notification.createMany({
    data: [text("DELIVERED"), text("DELIVERED"), text("FAILED"), text("SENT"), text("QUEUED")],
  });
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
    // Wednesday afternoon in New York, so "today" and "this week" both hold the recent calls.
    const now = new Date("2026-03-11T20:00:00Z");
    const [a, b] = await Promise.all([createSalonWithOwner(), createSalonWithOwner()]);
    await seedActivity(a.salonId, now);
    await seedActivity(b.salonId, now);

    expect(await getDashboardStats(a.salonId, now)).toEqual({
      callsToday: 3,
      callsThisWeek: 3,
      missedCallsThisWeek: 2,
      textsSent7d: 3,
      textsDelivered7d: 2,
      textsFailed7d: 1,
      upcomingAppointments: 1,
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
