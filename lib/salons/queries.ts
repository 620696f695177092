// Salon profile and dashboard numbers. Every query goes through salonDb(salonId) and names salonId itself.
import { cache } from "react";
import { notFound } from "@/lib/api/errors";
import { resolveDateRange } from "@/lib/calls/date-range";
import { salonDb } from "@/lib/db";
import type { NotificationStatus } from "@/lib/generated/prisma/client";
import { dashboardWindow, type DashboardWindow } from "@/lib/salons/dashboard-window";
import { updateSalonRow } from "@/lib/salons/update-salon-row";
import type { UpdateSalonProfileInput } from "@/lib/validations/salon";

// Everything a salon's own users may see; provider ids (Stripe customer, Twilio SIDs) stay internal.
const profileSelect = {
  id: true,
  name: true,
  slug: true,
  timeZone: true,
  addressLine1: true,
  addressLine2: true,
  city: true,
  region: true,
  postalCode: true,
  country: true,
  directions: true,
  phone: true,
  forwardingPhone: true,
  businessHours: true,
  greeting: true,
  autoReply: true,
  greetingEs: true,
  autoReplyEs: true,
  bookingInstructions: true,
  reminderOffsetsMinutes: true,
  autoConfirm: true,
  quietHoursStart: true,
  quietHoursEnd: true,
  monthlySmsQuota: true,
  twilioNumber: true,
  subscriptionStatus: true,
  currentPeriodEnd: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** Cached per server request: the layout and the page both ask for the salon. */
export const getSalonById = cache(async (salonId: string) => {
  const salon = await salonDb(salonId).salon.findFirst({ where: { id: salonId }, select: profileSelect });
  if (!salon) throw notFound("Salon");
  return salon;
});

export type SalonProfile = Awaited<ReturnType<typeof getSalonById>>;

/** The next call hears a changed name, time zone or address at once (see updateSalonRow). */
export async function updateSalonProfile(
  salonId: string,
  input: UpdateSalonProfileInput,
): Promise<SalonProfile> {
  await updateSalonRow(salonId, input);
  return getSalonById(salonId);
}

// Handed to the carrier (whatever happened next); QUEUED/SENDING/CANCELED never left us.
const SENT_TEXT_STATUSES: NotificationStatus[] = ["SENT", "DELIVERED", "UNDELIVERED"];
const FAILED_TEXT_STATUSES: NotificationStatus[] = ["FAILED", "UNDELIVERED"];

export type DashboardStats = {
  callsToday: number;
  calls7d: number;
  missedCalls7d: number;
  textsSent7d: number;
  textsDelivered7d: number;
  textsFailed7d: number;
  upcomingAppointments: number;
  /** What "today" and "the last 7 days" counted from, for links that list the same calls. */
  window: DashboardWindow;
};

/**
 * "Today" and "the last 7 days" on the salon's own clock, not the server's. The week is today and the
 * six whole days before it (DST-safe), not "since Sunday": on a Sunday that would be today alone.
 */
export async function getDashboardStats(salonId: string, now = new Date()): Promise<DashboardStats> {
  const scoped = salonDb(salonId);
  const { timeZone } = await getSalonById(salonId);
  const window = dashboardWindow(now, timeZone);
  // From the window's first midnight exactly as the Calls page reads its `from` date, so the links agree.
  const today = resolveDateRange({ from: window.today }, timeZone);
  const week = resolveDateRange({ from: window.weekStart }, timeZone);
  const texts = (status: NotificationStatus[]) =>
    scoped.notification.count({
      where: { salonId, channel: "SMS", createdAt: week, status: { in: status } },
    });

  const [
    callsToday,
    calls7d,
    missedCalls7d,
    textsSent7d,
    textsDelivered7d,
    textsFailed7d,
    upcomingAppointments,
  ] = await Promise.all([
    scoped.callLog.count({ where: { salonId, startedAt: today } }),
    scoped.callLog.count({ where: { salonId, startedAt: week } }),
    // Missed as the Calls page's Missed filter counts it (the stored outcome, by its index), so the two agree.
    scoped.callLog.count({ where: { salonId, outcome: "MISSED", direction: "INBOUND", startedAt: week } }),
    texts(SENT_TEXT_STATUSES),
    texts(["DELIVERED"]),
    texts(FAILED_TEXT_STATUSES),
    scoped.appointment.count({
      where: { salonId, startsAt: { gte: now }, status: { in: ["BOOKED", "CONFIRMED"] } },
    }),
  ]);
  return {
    callsToday,
    calls7d,
    missedCalls7d,
    textsSent7d,
    textsDelivered7d,
    textsFailed7d,
    upcomingAppointments,
    window,
  };
}
