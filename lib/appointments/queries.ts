// Reading appointments for the admin UI, always inside one salon.
import { salonDb } from "@/lib/db";
import type { AppointmentStatus } from "@/lib/generated/prisma/client";

const ACTIVE_STATUSES: AppointmentStatus[] = ["BOOKED", "CONFIRMED"];

/**
 * The next appointments still to happen, soonest first. An appointment in progress (started, not yet
 * ended) is included: it is the one the front desk is most likely asked about.
 */
export async function listUpcomingAppointments(salonId: string, opts: { now?: Date; limit?: number } = {}) {
  const now = opts.now ?? new Date();
  return salonDb(salonId).appointment.findMany({
    where: { salonId, endsAt: { gt: now }, status: { in: ACTIVE_STATUSES } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: opts.limit ?? 8,
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      status: true,
      // Set when the customer texted R: the dashboard flags it until the appointment is moved.
      rescheduleRequestedAt: true,
      customer: { select: { name: true, phone: true } },
      service: { select: { name: true } },
      employee: { select: { name: true } },
    },
  });
}

export type UpcomingAppointment = Awaited<ReturnType<typeof listUpcomingAppointments>>[number];
