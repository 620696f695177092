// The demo salon the embedded default starts with: logins, people, services, a week of
// appointments with their reminders, and two weeks of calls (each with its timeline) and texts, so
// every page has something real to show.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { buildDemoActivity, prng } from "@/lib/seed/demo-activity";
import { buildDemoCallTimelines } from "@/lib/seed/demo-call-timelines";
import { buildDemoCalls } from "@/lib/seed/demo-calls";
import { scheduleReminders } from "@/lib/messaging/reminders";

export const DEMO_SALON_SLUG = "luxe-hair-studio";
export const DEMO_OWNER = { email: "owner@demo.bolt", password: "demo-owner-pass" };
export const DEMO_STAFF = { email: "staff@demo.bolt", password: "demo-staff-pass" };
export const DEMO_NUMBER = "+14155550142";
export const DEMO_NUMBER_SID = "PN0000000000000000000000000000demo";
const TIME_ZONE = "America/Los_Angeles";
const FRONT_DESK = "+14155550199";

const WEEKDAY = [{ open: "09:00", close: "19:00" }];
const HOURS = {
  mon: WEEKDAY,
  tue: WEEKDAY,
  wed: WEEKDAY,
  thu: [{ open: "09:00", close: "20:00" }],
  fri: WEEKDAY,
  sat: [{ open: "09:00", close: "17:00" }],
  sun: [],
};

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
      const salon = await tx.salon.create({
        data: {
          name: "Luxe Hair Studio",
          slug: DEMO_SALON_SLUG,
          timeZone: TIME_ZONE,
          addressLine1: "1234 Valencia Street",
          city: "San Francisco",
          region: "CA",
          postalCode: "94110",
          phone: FRONT_DESK,
          forwardingPhone: FRONT_DESK,
          businessHours: HOURS,
          greeting: "Thanks for calling Luxe Hair Studio, where great hair days begin.",
          autoReply: "Thanks for texting Luxe Hair Studio! A stylist will get back to you shortly.",
          bookingInstructions:
            "Book online at luxehair.example/book or reply with a day and time that suits you.",
          autoConfirm: true,
          twilioNumber: DEMO_NUMBER,
          twilioNumberSid: DEMO_NUMBER_SID,
          subscriptionStatus: "ACTIVE",
        },
      });
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
      const activity = buildDemoActivity(salon.id, now);
      await tx.employee.createMany({ data: activity.employees });
      await tx.service.createMany({ data: activity.services });
      await tx.customer.createMany({ data: activity.customers });
      await tx.appointment.createMany({ data: activity.appointments });
      const calls = buildDemoCalls({
        salonId: salon.id,
        salonNumber: DEMO_NUMBER,
        forwardingPhone: FRONT_DESK,
        timeZone: TIME_ZONE,
        hours: HOURS,
        customers: activity.customers.map((c) => ({ id: c.id as string, name: c.name ?? "", phone: c.phone })),
        accountSid: env.TWILIO_ACCOUNT_SID ?? null,
        now,
        rand: prng(7),
      });
      await tx.callLog.createMany({ data: calls });
      const timelines = buildDemoCallTimelines({
        calls,
        salonName: salon.name,
        forwardingPhone: FRONT_DESK,
        bookingInstructions: salon.bookingInstructions ?? "",
        optedOutPhones: new Set(activity.customers.filter((c) => c.smsConsent === "OPTED_OUT").map((c) => c.phone)),
        now,
        rand: prng(11),
      });
      await tx.callEvent.createMany({ data: timelines.events });
      await tx.notification.createMany({ data: [...activity.notifications, ...timelines.notifications] });
      await tx.notificationEvent.createMany({ data: [...activity.notificationEvents, ...timelines.notificationEvents] });
      await tx.inboundMessage.createMany({ data: activity.inboundMessages });
      return salon.id;
    },
    { timeout: 120_000 },
  );
  // The coming appointments get their reminders the way any booking does (queued at the salon's
  // offsets), so the demo's Appointments and Notifications pages show real reminder states.
  const upcoming = await db.appointment.findMany({
    where: { salonId, startsAt: { gt: now } },
    select: { id: true },
  });
  for (const appointment of upcoming) await scheduleReminders(salonId, appointment.id, { now });
  return { salonId, created: true };
}
