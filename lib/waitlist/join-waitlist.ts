// A customer asks to be told when a time opens up (the receptionist's WAITLIST intent, by phone or text).
// One open entry per customer and wish (service, stylist, appointment to move): asking again — a
// repeated webhook, or a new window — updates that entry instead of adding a second.
import { ApiError, notFound } from "@/lib/api/errors";
import { withSalonTransaction } from "@/lib/db";
import type { WaitlistEntry } from "@/lib/generated/prisma/client";
import type { Language } from "@/lib/i18n/language";
import { DEFAULT_WINDOW_MS, ENTRY_STATUS, OPEN_ENTRY_STATUSES } from "@/lib/waitlist/waitlist-rules";

export type JoinWaitlistInput = {
  customerId: string;
  serviceId?: string | null;
  /** A stylist they want; omitted: anyone who performs the service. */
  employeeId?: string | null;
  /** The booking they want earlier: a slot before it is offered, and taking it moves that booking. */
  appointmentId?: string | null;
  /** The times they can come: a slot must start in [start, end). Defaults: from now, until the appointment (or two weeks). */
  window?: { start?: Date; end?: Date };
  language: Language;
  now: Date;
};

export type JoinWaitlistResult = { entry: WaitlistEntry; created: boolean };

type Tx = Parameters<Parameters<typeof withSalonTransaction>[1]>[0];

/** The booking to move must be the customer's own, and still ahead. */
async function appointmentToMove(tx: Tx, salonId: string, input: JoinWaitlistInput) {
  if (!input.appointmentId) return null;
  const appointment = await tx.appointment.findFirst({
    where: { id: input.appointmentId, salonId, customerId: input.customerId, status: { in: ["BOOKED", "CONFIRMED"] } },
    select: { id: true, startsAt: true, serviceId: true, employeeId: true },
  });
  if (!appointment || appointment.startsAt <= input.now) throw notFound("Appointment");
  return appointment;
}

async function assertOwned(tx: Tx, salonId: string, input: JoinWaitlistInput): Promise<void> {
  const [customer, service, employee] = await Promise.all([
    tx.customer.findFirst({ where: { id: input.customerId, salonId }, select: { id: true } }),
    input.serviceId ? tx.service.findFirst({ where: { id: input.serviceId, salonId }, select: { id: true } }) : true,
    input.employeeId ? tx.employee.findFirst({ where: { id: input.employeeId, salonId }, select: { id: true } }) : true,
  ]);
  if (!customer) throw notFound("Customer");
  if (!service) throw notFound("Service");
  if (!employee) throw notFound("Employee");
}

export async function joinWaitlist(salonId: string, input: JoinWaitlistInput): Promise<JoinWaitlistResult> {
  return withSalonTransaction(salonId, async (tx) => {
    // Racing joins of one customer (a webhook delivered twice) queue here, so the second finds the first.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${salonId}:waitlist:${input.customerId}`}, 0))`;
    await assertOwned(tx, salonId, input);
    const appointment = await appointmentToMove(tx, salonId, input);
    const serviceId = input.serviceId ?? appointment?.serviceId ?? null;
    const employeeId = input.employeeId ?? null;
    const windowStart = new Date(Math.max(input.window?.start?.getTime() ?? 0, input.now.getTime()));
    const latest = appointment?.startsAt ?? new Date(input.now.getTime() + DEFAULT_WINDOW_MS);
    const windowEnd = new Date(Math.min(input.window?.end?.getTime() ?? Infinity, latest.getTime()));
    if (windowEnd <= windowStart) {
      throw new ApiError({ code: "waitlist_window_empty", status: 422, message: "That window has no time left in it to wait for." });
    }
    const wish = { salonId, customerId: input.customerId, serviceId, employeeId, appointmentId: appointment?.id ?? null };
    const existing = await tx.waitlistEntry.findFirst({
      where: { ...wish, status: { in: OPEN_ENTRY_STATUSES } },
      orderBy: { createdAt: "asc" },
    });
    if (existing) {
      const entry = await tx.waitlistEntry.update({
        where: { id: existing.id, salonId },
        data: { windowStart, windowEnd, language: input.language },
      });
      return { entry, created: false };
    }
    const entry = await tx.waitlistEntry.create({
      data: { ...wish, windowStart, windowEnd, language: input.language, status: ENTRY_STATUS.WAITING },
    });
    return { entry, created: true };
  });
}
