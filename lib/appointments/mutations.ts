// Booking, moving, cancelling and confirming appointments. Each change is one salon-scoped
// transaction (row locked, stale reminders cancelled, audit row written); the texts that follow
// are queued after the commit (lib/appointments/after-change.ts).
import { ApiError, notFound } from "@/lib/api/errors";
import { afterAppointmentChange } from "@/lib/appointments/after-change";
import {
  assertLive,
  audit,
  lockAppointment,
  type MutationOptions,
  type Tx,
} from "@/lib/appointments/appointment-tx";
import { isDoubleBooking, slotTakenError, type SlotWanted } from "@/lib/appointments/slot-taken";
import { withSalonTransaction } from "@/lib/db";
import type { Appointment } from "@/lib/generated/prisma/client";
import { cancelQueuedTexts } from "@/lib/messaging/cancel-queued-texts";
import { CANCELLED_REASON, MOVED_REASON } from "@/lib/messaging/reminders";
import type { CreateAppointmentInput, RescheduleAppointmentInput } from "@/lib/validations/appointments";

export type { MutationOptions } from "@/lib/appointments/appointment-tx";

const CREATE_ACTION = "appointment.create";

/** Runs a change that may take a stylist's time; the database's double-booking refusal becomes a 409. */
async function refusingDoubleBooking<T>(
  salonId: string,
  fn: (want: (slot: SlotWanted) => void) => Promise<T>,
): Promise<T> {
  let wanted: SlotWanted | null = null;
  try {
    return await fn((slot) => (wanted = slot));
  } catch (err) {
    if (wanted && isDoubleBooking(err)) throw await slotTakenError(salonId, wanted);
    throw err;
  }
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

async function assertBookableEmployee(tx: Tx, salonId: string, employeeId: string): Promise<void> {
  const employee = await tx.employee.findFirst({
    where: { id: employeeId, salonId },
    select: { active: true },
  });
  if (!employee) throw notFound("Employee");
  if (!employee.active) {
    throw new ApiError({
      code: "employee_inactive",
      status: 422,
      message: "This employee is no longer active; choose another.",
    });
  }
}

async function resolveBooking(tx: Tx, salonId: string, input: CreateAppointmentInput) {
  const [customer, service] = await Promise.all([
    tx.customer.findFirst({ where: { id: input.customerId, salonId }, select: { id: true } }),
    input.serviceId
      ? tx.service.findFirst({ where: { id: input.serviceId, salonId }, select: { durationMinutes: true } })
      : null,
    input.employeeId ? assertBookableEmployee(tx, salonId, input.employeeId) : null,
  ]);
  if (!customer) throw notFound("Customer");
  if (input.serviceId && !service) throw notFound("Service");
  return input.endsAt ?? new Date(input.startsAt.getTime() + (service?.durationMinutes ?? 60) * 60_000);
}

/** Books an appointment; with an idempotency key a repeated request returns the first booking. */
export async function createAppointment(
  salonId: string,
  input: CreateAppointmentInput,
  opts: MutationOptions = {},
): Promise<Appointment> {
  const { appointment, replayed, untouched } = await refusingDoubleBooking(salonId, (want) =>
    withSalonTransaction(salonId, async (tx) => {
      const prior = opts.idempotencyKey ? await findByIdempotencyKey(tx, salonId, opts.idempotencyKey) : null;
      if (prior) {
        const laterChanges = await tx.auditLog.count({
          where: { salonId, targetId: prior.id, action: { not: CREATE_ACTION } },
        });
        return { appointment: prior, replayed: true, untouched: laterChanges === 0 };
      }
      const endsAt = await resolveBooking(tx, salonId, input);
      if (input.employeeId) want({ employeeId: input.employeeId, startsAt: input.startsAt, endsAt });
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
    }),
  );
  // A replay of an untouched booking re-runs its (idempotent) texts, healing a first try that died mid-way.
  if (!replayed || untouched) {
    await afterAppointmentChange(salonId, appointment.id, { type: "booked" }, opts.actor);
  }
  return appointment;
}

/**
 * Moves an appointment to another time and/or stylist: its queued reminders are cancelled and new ones
 * planned (they name the time and the stylist). Taking a stylist's booked time is a 409 slot_taken.
 */
export async function rescheduleAppointment(
  salonId: string,
  id: string,
  input: Pick<RescheduleAppointmentInput, "startsAt" | "endsAt" | "employeeId">,
  opts: MutationOptions = {},
): Promise<Appointment> {
  const result = await refusingDoubleBooking(salonId, (want) =>
    withSalonTransaction(salonId, async (tx) => {
      const current = await lockAppointment(tx, salonId, id);
      assertLive(current, "moved");
      const endsAt =
        input.endsAt ??
        new Date(input.startsAt.getTime() + (current.endsAt.getTime() - current.startsAt.getTime()));
      const employeeId = input.employeeId ?? current.employeeId;
      // Same slot and stylist again (a retried request): nothing changes and nothing is sent.
      if (
        current.startsAt.getTime() === input.startsAt.getTime() &&
        current.endsAt.getTime() === endsAt.getTime() &&
        current.employeeId === employeeId
      ) {
        return { appointment: current, previous: null };
      }
      if (employeeId !== current.employeeId && employeeId)
        await assertBookableEmployee(tx, salonId, employeeId);
      if (employeeId) want({ employeeId, startsAt: input.startsAt, endsAt, appointmentId: id });
      const appointment = await tx.appointment.update({
        where: { id, salonId },
        data: { startsAt: input.startsAt, endsAt, employeeId, rescheduleRequestedAt: null },
      });
      await cancelQueuedTexts({ salonId, appointmentId: id, kinds: ["REMINDER"] }, MOVED_REASON, {
        client: tx,
      });
      await audit(tx, salonId, "appointment.reschedule", id, opts, {
        from: current.startsAt.toISOString(),
        to: input.startsAt.toISOString(),
        ...(employeeId !== current.employeeId
          ? { fromEmployeeId: current.employeeId, toEmployeeId: employeeId }
          : {}),
      });
      return { appointment, previous: current };
    }),
  );
  const { appointment, previous } = result;
  if (!previous) return appointment;
  await afterAppointmentChange(
    salonId,
    id,
    previous.employeeId === appointment.employeeId
      ? { type: "moved", previousStartsAt: previous.startsAt }
      : { type: "reassigned", previousStartsAt: previous.startsAt, previousEmployeeId: previous.employeeId },
    opts.actor,
  );
  return appointment;
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
    await cancelQueuedTexts(
      { salonId, appointmentId: id, kinds: ["REMINDER", "CONFIRMATION"] },
      CANCELLED_REASON,
      {
        client: tx,
      },
    );
    await audit(tx, salonId, "appointment.cancel", id, opts);
    return { appointment, changed: true };
  });
  if (result.changed) await afterAppointmentChange(salonId, id, { type: "cancelled" }, opts.actor, opts.now);
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
