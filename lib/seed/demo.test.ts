// The demo seed runs on every `npm start`: it must create a full salon once and then change nothing.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_OWNER, DEMO_SALON_SLUG, seedDemoSalon } from "@/lib/seed/demo";

afterAll(() => stopBoss());

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
});
