// One customer with everything Bolt knows about them, for the customer page and GET /api/customers/[id]:
// their record, the appointments coming up, and one timeline, newest first, of past appointments, calls
// (voicemails with their transcript), and texts both ways. Each source is one indexed read of the
// customer's latest rows (salonId, customerId, time), so a regular of ten years costs what a newcomer does.
import { notFound } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import type { AppointmentStatus, NotificationStatus, SmsConsent } from "@/lib/generated/prisma/client";
import { customerSelect, type CustomerRecord } from "@/lib/customers/save-customer";

/** How many of each kind of event the timeline shows (the Calls and Messages pages hold the rest). */
const TIMELINE_TAKE = 100;

type AppointmentEntry = {
  kind: "appointment";
  id: string;
  at: Date;
  endsAt: Date;
  status: AppointmentStatus;
  service: string | null;
  employee: string | null;
};
export type TimelineEntry =
  | AppointmentEntry
  | { kind: "call"; id: string; at: Date; outcome: string; durationSeconds: number | null; voicemail: { seconds: number | null; transcript: string | null } | null }
  | { kind: "text_in"; id: string; at: Date; body: string; keyword: string | null }
  | { kind: "text_out"; id: string; at: Date; body: string; status: NotificationStatus; automated: boolean };

export type CustomerDetail = CustomerRecord & {
  upcoming: AppointmentEntry[];
  timeline: TimelineEntry[];
  /** When the customer last texted STOP (null if they were opted out another way, or never). */
  stopTextedAt: Date | null;
};

/** A customer, or — for a record merged into another — the customer it was merged into. */
export async function resolveCustomerId(salonId: string, id: string): Promise<string> {
  const row = await salonDb(salonId).customer.findFirst({ where: { id, salonId }, select: { id: true, mergedIntoId: true } });
  if (!row) throw notFound("Customer");
  return row.mergedIntoId ?? row.id;
}

export async function getCustomer(salonId: string, id: string): Promise<CustomerRecord> {
  const customer = await salonDb(salonId).customer.findFirst({ where: { id, salonId, mergedIntoId: null }, select: customerSelect });
  if (!customer) throw notFound("Customer");
  return customer;
}

const toAppointment = (a: {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  service: { name: string } | null;
  employee: { name: string } | null;
}): AppointmentEntry => ({
  kind: "appointment",
  id: a.id,
  at: a.startsAt,
  endsAt: a.endsAt,
  status: a.status,
  service: a.service?.name ?? null,
  employee: a.employee?.name ?? null,
});

export async function getCustomerDetail(salonId: string, id: string, now: Date): Promise<CustomerDetail> {
  const customer = await getCustomer(salonId, id);
  const scoped = salonDb(salonId);
  const where = { salonId, customerId: id };
  const appointmentSelect = {
    id: true,
    startsAt: true,
    endsAt: true,
    status: true,
    service: { select: { name: true } },
    employee: { select: { name: true } },
  } as const;
  const [upcoming, past, calls, inbound, outbound, stop] = await Promise.all([
    scoped.appointment.findMany({ where: { ...where, startsAt: { gte: now } }, orderBy: { startsAt: "asc" }, take: TIMELINE_TAKE, select: appointmentSelect }),
    scoped.appointment.findMany({ where: { ...where, startsAt: { lt: now } }, orderBy: { startsAt: "desc" }, take: TIMELINE_TAKE, select: appointmentSelect }),
    scoped.callLog.findMany({
      where,
      orderBy: { startedAt: "desc" },
      take: TIMELINE_TAKE,
      select: { id: true, startedAt: true, outcome: true, durationSeconds: true, recordingSid: true, recordingDurationSeconds: true, transcription: true },
    }),
    scoped.inboundMessage.findMany({ where, orderBy: { receivedAt: "desc" }, take: TIMELINE_TAKE, select: { id: true, receivedAt: true, body: true, keyword: true } }),
    scoped.notification.findMany({
      where: { ...where, channel: "SMS" },
      orderBy: { createdAt: "desc" },
      take: TIMELINE_TAKE,
      select: { id: true, createdAt: true, body: true, status: true, kind: true },
    }),
    scoped.inboundMessage.findFirst({ where: { ...where, keyword: "STOP" }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true } }),
  ]);
  const timeline: TimelineEntry[] = [
    ...past.map(toAppointment),
    ...calls.map((c) => ({
      kind: "call" as const,
      id: c.id,
      at: c.startedAt,
      outcome: c.outcome,
      durationSeconds: c.durationSeconds,
      voicemail: c.recordingSid ? { seconds: c.recordingDurationSeconds, transcript: c.transcription } : null,
    })),
    ...inbound.map((m) => ({ kind: "text_in" as const, id: m.id, at: m.receivedAt, body: m.body, keyword: m.keyword })),
    ...outbound.map((n) => ({ kind: "text_out" as const, id: n.id, at: n.createdAt, body: n.body, status: n.status, automated: n.kind !== "CUSTOM" })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1));
  return { ...customer, upcoming: upcoming.map(toAppointment), timeline, stopTextedAt: optedOutByStop(customer.smsConsent, stop?.receivedAt) };
}

function optedOutByStop(consent: SmsConsent, stopAt: Date | undefined): Date | null {
  return consent === "OPTED_OUT" && stopAt ? stopAt : null;
}
