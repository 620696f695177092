// The demo salon the embedded default starts with: logins, people, services, a week of appointments
// behind and ahead (the coming ones with their reminders queued the normal way), the texts and
// conversations they caused, and two weeks of calls (each with its timeline), so every page has
// something real to show — at the salon's own hours, whenever `npm start` seeds it.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { scheduleRemindersFor } from "@/lib/messaging/reminders";
import { buildDemoRows, DEMO_SALON_PROFILE, DEMO_SALON_SLUG } from "@/lib/dev/seed/demo-salon";

export { DEMO_SALON_SLUG } from "@/lib/dev/seed/demo-salon";
export const DEMO_OWNER = { email: "owner@demo.bolt", password: "demo-owner-pass" };
export const DEMO_STAFF = { email: "staff@demo.bolt", password: "demo-staff-pass" };

/** Seeds once: a second call finds the salon and changes nothing. Returns the salon id. */
export async function seedDemoSalon(
  db: PrismaClient,
  now = new Date(),
): Promise<{ salonId: string; created: boolean }> {
  const existing = await db.salon.findUnique({ where: { slug: DEMO_SALON_SLUG }, select: { id: true } });
  if (existing) return { salonId: existing.id, created: false };

  const [ownerHash, staffHash] = await Promise.all([
    hashPassword(DEMO_OWNER.password),
    hashPassword(DEMO_STAFF.password),
  ]);
  const salonId = await db.$transaction(
    async (tx) => {
      // Its owner set these hours: the onboarding checklist counts them as done.
      const salon = await tx.salon.create({ data: { ...DEMO_SALON_PROFILE, businessHoursSetAt: now } });
      const owner = await tx.user.create({
        data: { email: DEMO_OWNER.email, name: "Maya Chen", passwordHash: ownerHash },
      });
      const staff = await tx.user.create({
        data: { email: DEMO_STAFF.email, name: "Jordan Lee", passwordHash: staffHash },
      });
      await tx.membership.createMany({
        data: [
          { salonId: salon.id, userId: owner.id, role: "OWNER" },
          { salonId: salon.id, userId: staff.id, role: "STAFF" },
        ],
      });
      const rows = buildDemoRows({
        salon,
        ownerId: owner.id,
        staffId: staff.id,
        accountSid: env.TWILIO_ACCOUNT_SID ?? null,
        now,
      });
      await tx.employee.createMany({ data: rows.employees });
      await tx.service.createMany({ data: rows.services });
      await tx.employeeService.createMany({ data: rows.employeeServices });
      await tx.employeeTimeOff.createMany({ data: rows.employeeTimeOff });
      await tx.customer.createMany({ data: rows.customers });
      await tx.appointment.createMany({ data: rows.appointments });
      await tx.callLog.createMany({ data: rows.calls });
      await tx.callEvent.createMany({ data: rows.callEvents });
      await tx.notification.createMany({ data: rows.notifications });
      await tx.notificationEvent.createMany({ data: rows.notificationEvents });
      await tx.inboundMessage.createMany({ data: rows.inboundMessages });
      return salon.id;
    },
    { timeout: 120_000 },
  );
  // The coming appointments get their reminders the way any booking does (queued at the salon's
  // offsets), so the demo's Appointments and Notifications pages show real reminder states.
  const upcoming = await db.appointment.findMany({
    where: { salonId, startsAt: { gt: now } },
    select: { id: true },
    orderBy: { startsAt: "asc" },
  });
  await scheduleRemindersFor(upcoming.map((a) => ({ salonId, appointmentId: a.id })), { now });
  return { salonId, created: true };
}
