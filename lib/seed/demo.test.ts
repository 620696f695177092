// The demo seed runs on every `npm start`: it must create a full salon once and then change nothing.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_OWNER, DEMO_SALON_SLUG, seedDemoSalon } from "@/lib/seed/demo";

describe("seedDemoSalon", () => {
  it("creates the demo salon with logins and activity, and is idempotent", async () => {
    const first = await seedDemoSalon(db);
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

    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO_OWNER.email } });
    expect(await verifyPassword(owner.passwordHash, DEMO_OWNER.password)).toBe(true);

    const second = await seedDemoSalon(db);
    expect(second).toEqual({ salonId: first.salonId, created: false });
    expect(await counts()).toEqual(before);
  });
});
