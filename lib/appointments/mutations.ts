// Booking, moving, cancelling and confirming appointments. Each change is one salon-scoped
// transaction (row locked, stale reminders cancelled, audit row written); the texts that follow
// are queued after the commit (lib/appointments/after-change.ts).
import { ApiError, conflict, notFound } from "@/lib/api/errors";
import { afterAppointmentChange, type ChangeActor } from "@/lib/appointments/after-change";
import { isLive } from "@/lib/appointments/get-appointment";
import { withSalonTransaction } from "@/lib/db";
import type { Appointment, Prisma } from "@/lib/generated/prisma/client";
import { cancelQueuedTexts } from "@/lib/messaging/cancel-queued-texts";
import { CANCELLED_REASON, MOVED_REASON } from "@/lib/messaging/reminders";
import type { CreateAppointmentInput, RescheduleAppointmentInput } from "@/lib/validations/appointments";

type Tx = Prisma.TransactionClient;
export type MutationOptions = { actor?: ChangeActor; idempotencyKey?: string };

const CREATE_ACTION = "appointment.create";

function audit(
  tx: Tx,
  salonId: string,
  action: string,
  appointmentId: string,
  opts: MutationOptions,
  metadata: Prisma.InputJsonObject = {},
) {
  return tx.auditLog.create({
    data: {
      salonId,
      action,
      actorUserId: opts.actor?.userId ?? null,
      actorApiKeyId: opts.actor?.apiKeyId ?? null,
      targetType: "Appointment",
      targetId: appointmentId,
      metadata: { ...metadata, ...(opts.idempotencyKey ? { idempotencyKey: opts.idempotencyKey } : {}) },
    },
  });
}

/** The booking an earlier request with this key made, found under a per-key lock so racers queue up. */
async function findByIdempotencyKey(tx: Tx, salonId: string, key: string): Promise<Appointment | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${salonId}:${CREATE_ACTION}:${key}`}, 0))`;
  const prior = await tx.auditLog.findFirst({
    where: { salonId, action: CREATE_ACTION, metadata: { path: ["idempotencyKey"], equals: key } },
    select: { targetId: true },
  });
  return prior?.targetId ? tx.appointment.findFirst({ where: { id: prior.targetId, salonId } }) : null;
}

async function resolveBooking(tx: Tx, salonId: string, input: CreateAppointmentInput) {
  const [customer, employee, service] = await Promise.all([
    tx.customer.findFirst({ where: { id: input.customerId, salonId }, select: { id: true } }),
    input.employeeId
      ? tx.employee.findFirst({ where: { id: input.employeeId, salonId }, select: { active: true } })
      : null,
    input.serviceId
      ? tx.service.findFirst({ where: { id: input.serviceId, salonId }, select: { durationMinutes: true } })
      : null,
  ]);
  if (!customer) throw notFound("Customer");
  if (input.employeeId && !employee) throw notFound("Employee");
  if (input.serviceId && !service) throw notFound("Service");
  if (employee && !employee.active) {
    throw new ApiError({
      code: "employee_inactive",
      status: 422,
      message: "This employee is no longer active; choose another.",
    });
  }
  return input.endsAt ?? new Date(input.startsAt.getTime() + (service?.durationMinutes ?? 60) * 60_000);
}

/** Books an appointment; with an idempotency key a repeated request returns the first booking. */
export async function createAppointment(
  salonId: string,
  input: CreateAppointmentInput,
  opts: MutationOptions = {},
): Promise<Appointment> {
  const { appointment, replayed, untouched } = await withSalonTransaction(salonId, async (tx) => {
    const prior = opts.idempotencyKey ? await findByIdempotencyKey(tx, salonId, opts.idempotencyKey) : null;
    if (prior) {
      const laterChanges = await tx.auditLog.count({
        where: { salonId, targetId: prior.id, action: { not: CREATE_ACTION } },
      });
      return { appointment: prior, replayed: true, untouched: laterChanges === 0 };
    }
    const endsAt = await resolveBooking(tx, salonId, input);
    const created = await tx.appointment.create({
      data: {
        salonId,
        customerId: input.customerId,
        employeeId: input.employeeId ?? null,
        serviceId: input.serviceId ?? null,
        startsAt: input.startsAt,
        endsAt,
        notes: input.notes ?? null,
      },
    });
    await audit(tx, salonId, CREATE_ACTION, created.id, opts);
    return { appointment: created, replayed: false, untouched: true };
  });
  // A replay of an untouched booking re-runs its (idempotent) texts, healing a first try that died mid-way.
  if (!replayed || untouched) {
    await afterAppointmentChange(salonId, appointment.id, { type: "booked" }, opts.actor);
  }
  return appointment;
}

/** Locks the row for the rest of the transaction, so concurrent changes to one booking serialise. */
async function lockAppointment(tx: Tx, salonId: string, id: string): Promise<Appointment> {
  await tx.$queryRaw`SELECT 1 FROM "appointments" WHERE "id" = ${id} AND "salonId" = ${salonId} FOR UPDATE`;
  const appointment = await tx.appointment.findFirst({ where: { id, salonId } });
  if (!appointment) throw notFound("Appointment");
  return appointment;
}

function assertLive(appointment: Appointment, doing: string): void {
  if (!isLive(appointment)) {
    throw conflict(
      "appointment_not_active",
      `This appointment is ${appointment.status.toLowerCase()} and can't be ${doing}.`,
    );
  }
}

/** Moves an appointment: its queued reminders are cancelled and new ones planned for the new time. */
export async function rescheduleAppointment(
  salonId: string,
  id: string,
  input: Pick<RescheduleAppointmentInput, "startsAt" | "endsAt">,
  opts: MutationOptions = {},
): Promise<Appointment> {
  const result = await withSalonTransaction(salonId, async (tx) => {
    const current = await lockAppointment(tx, salonId, id);
    assertLive(current, "moved");
    const endsAt =
      input.endsAt ??
      new Date(input.startsAt.getTime() + (current.endsAt.getTime() - current.startsAt.getTime()));
    // Same slot again (a retried request): nothing changes and nothing is sent.
    if (
      current.startsAt.getTime() === input.startsAt.getTime() &&
      current.endsAt.getTime() === endsAt.getTime()
    ) {
      return { appointment: current, previousStartsAt: null };
    }
    const appointment = await tx.appointment.update({
      where: { id, salonId },
      data: { startsAt: input.startsAt, endsAt, rescheduleRequestedAt: null },
    });
    await cancelQueuedTexts({ salonId, appointmentId: id, kinds: ["REMINDER"] }, MOVED_REASON, { client: tx });
    await audit(tx, salonId, "appointment.reschedule", id, opts, {
      from: current.startsAt.toISOString(),
      to: input.startsAt.toISOString(),
    });
    return { appointment, previousStartsAt: current.startsAt };
  });
  if (result.previousStartsAt) {
    await afterAppointmentChange(
      salonId,
      id,
      { type: "moved", previousStartsAt: result.previousStartsAt },
      opts.actor,
    );
  }
  return result.appointment;
}

/** Cancels an appointment and every text about it still waiting to go out. Cancelling twice is a no-op. */
export async function cancelAppointment(
  salonId: string,
  id: string,
  opts: MutationOptions = {},
): Promise<Appointment> {
  const result = await withSalonTransaction(salonId, async (tx) => {
    const current = await lockAppointment(tx, salonId, id);
    if (current.status === "CANCELLED") return { appointment: current, changed: false };
    assertLive(current, "cancelled");
    const appointment = await tx.appointment.update({
      where: { id, salonId },
      data: { status: "CANCELLED" },
    });
    await cancelQueuedTexts({ salonId, appointmentId: id, kinds: ["REMINDER", "CONFIRMATION"] }, CANCELLED_REASON, {
      client: tx,
    });
    await audit(tx, salonId, "appointment.cancel", id, opts);
    return { appointment, changed: true };
  });
  if (result.changed) await afterAppointmentChange(salonId, id, { type: "cancelled" }, opts.actor);
  return result.appointment;
}

/** Marks an appointment confirmed (the customer said yes, or staff did it for them). */
export async function confirmAppointment(
  salonId: string,
  id: string,
  opts: MutationOptions = {},
): Promise<Appointment> {
  return withSalonTransaction(salonId, async (tx) => {
    const current = await lockAppointment(tx, salonId, id);
    if (current.status === "CONFIRMED") return current;
    assertLive(current, "confirmed");
    const appointment = await tx.appointment.update({
      where: { id, salonId },
      data: { status: "CONFIRMED", confirmedAt: new Date() },
    });
    await audit(tx, salonId, "appointment.confirm", id, opts);
    return appointment;
  });
}
