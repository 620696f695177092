// Reading one appointment: with what its texts need (salon, customer, employee, service), and with
// its reminders for the API — always inside one salon, so another salon's id is simply "not found".
import { notFound } from "@/lib/api/errors";
import { db, salonDb } from "@/lib/db";
import type { AppointmentStatus } from "@/lib/generated/prisma/client";
import { isLanguage, type Language } from "@/lib/i18n/language";

export type AppointmentForMessaging = {
  id: string;
  salonId: string;
  customerId: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  updatedAt: Date;
  salon: {
    id: string;
    name: string;
    timeZone: string;
    reminderOffsetsMinutes: number[];
    autoConfirm: boolean;
  };
  /** `language`: the customer's remembered one, which their texts are worded in (null: English). */
  customer: { id: string; name: string | null; phone: string; language: Language | null };
  employee: { id: string; name: string; phone: string | null; active: boolean } | null;
  service: { id: string; name: string } | null;
  /** The idempotency key of the notification asked about (send-time checks), else null. */
  notificationKey: string | null;
};

/** Statuses in which an appointment still happens, so its reminders and confirmations make sense. */
const LIVE_STATUSES = ["BOOKED", "CONFIRMED"] as const;

export function isLive(appointment: { status: string }): boolean {
  return (LIVE_STATUSES as readonly string[]).includes(appointment.status);
}

type Row = Omit<AppointmentForMessaging, "salon" | "customer" | "employee" | "service"> & {
  i: bigint;
  employeeId: string | null;
  serviceId: string | null;
  salonName: string;
  timeZone: string;
  reminderOffsetsMinutes: number[];
  autoConfirm: boolean;
  customerName: string | null;
  customerPhone: string;
  customerLanguage: string | null;
  employeeName: string | null;
  employeePhone: string | null;
  employeeActive: boolean | null;
  serviceName: string | null;
};

function toAppointment(row: Row): AppointmentForMessaging {
  return {
    id: row.id,
    salonId: row.salonId,
    customerId: row.customerId,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status,
    updatedAt: row.updatedAt,
    notificationKey: row.notificationKey,
    salon: {
      id: row.salonId,
      name: row.salonName,
      timeZone: row.timeZone,
      reminderOffsetsMinutes: row.reminderOffsetsMinutes,
      autoConfirm: row.autoConfirm,
    },
    customer: {
      id: row.customerId,
      name: row.customerName,
      phone: row.customerPhone,
      language: isLanguage(row.customerLanguage) ? row.customerLanguage : null,
    },
    employee: row.employeeId
      ? {
          id: row.employeeId,
          name: row.employeeName ?? "",
          phone: row.employeePhone,
          active: row.employeeActive ?? false,
        }
      : null,
    service: row.serviceId ? { id: row.serviceId, name: row.serviceName ?? "" } : null,
  };
}

export type AppointmentLookup = { salonId: string; appointmentId: string; notificationId?: string };

/**
 * Many appointments in one statement (Prisma's includes would take five per appointment): the
 * delivery job's send-time checks look up a whole batch of reminders at once. Answers in input
 * order, null where the appointment doesn't exist in that salon. The system client with salonId
 * in the join, like sendSms, because this is the worker's hot path.
 */
export async function findAppointmentsForMessaging(
  lookups: AppointmentLookup[],
): Promise<Array<AppointmentForMessaging | null>> {
  if (lookups.length === 0) return [];
  const rows = await db.$queryRaw<Row[]>`
    SELECT t."i", a."id", a."salonId", a."customerId", a."employeeId", a."serviceId", a."startsAt", a."endsAt",
           a."status"::text AS "status", a."updatedAt",
           s."name" AS "salonName", s."timeZone", s."reminderOffsetsMinutes", s."autoConfirm",
           c."name" AS "customerName", c."phone" AS "customerPhone", c."language" AS "customerLanguage",
           e."name" AS "employeeName", e."phone" AS "employeePhone", e."active" AS "employeeActive",
           v."name" AS "serviceName", n."idempotencyKey" AS "notificationKey"
    FROM unnest(${lookups.map((l) => l.appointmentId)}::text[], ${lookups.map((l) => l.salonId)}::text[],
                ${lookups.map((l) => l.notificationId ?? null)}::text[]) WITH ORDINALITY AS t("appointmentId", "salonId", "notificationId", "i")
    JOIN "appointments" a ON a."id" = t."appointmentId" AND a."salonId" = t."salonId"
    JOIN "salons" s ON s."id" = a."salonId"
    JOIN "customers" c ON c."id" = a."customerId"
    LEFT JOIN "employees" e ON e."id" = a."employeeId"
    LEFT JOIN "services" v ON v."id" = a."serviceId"
    LEFT JOIN "notifications" n ON n."id" = t."notificationId" AND n."salonId" = t."salonId"`;
  const found = new Array<AppointmentForMessaging | null>(lookups.length).fill(null);
  for (const row of rows) found[Number(row.i) - 1] = toAppointment(row);
  return found;
}

async function findAppointmentForMessaging(
  salonId: string,
  appointmentId: string,
): Promise<AppointmentForMessaging | null> {
  const [appointment] = await findAppointmentsForMessaging([{ salonId, appointmentId }]);
  return appointment ?? null;
}

export async function getAppointmentForMessaging(
  salonId: string,
  id: string,
): Promise<AppointmentForMessaging> {
  const appointment = await findAppointmentForMessaging(salonId, id);
  if (!appointment) throw notFound("Appointment");
  return appointment;
}

/** The API's view: the appointment plus its reminders and confirmations, oldest first. */
export async function getAppointmentById(salonId: string, id: string) {
  const appointment = await salonDb(salonId).appointment.findFirst({
    where: { id, salonId },
    include: {
      customer: { select: { id: true, name: true, phone: true } },
      employee: { select: { id: true, name: true } },
      service: { select: { id: true, name: true, durationMinutes: true } },
      notifications: {
        where: { kind: { in: ["REMINDER", "CONFIRMATION"] } },
        select: {
          id: true,
          kind: true,
          status: true,
          scheduledFor: true,
          failureReason: true,
          sentAt: true,
          createdAt: true,
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!appointment) throw notFound("Appointment");
  return appointment;
}
