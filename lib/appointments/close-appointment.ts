// Closing an appointment once it has happened (or not): completed or no-show. Texts still waiting
// about it (a late reminder, a confirmation held by quiet hours) are cancelled in the same transaction,
// and the change goes through afterAppointmentChange like every other, so nothing new is queued.
import { conflict } from "@/lib/api/errors";
import { afterAppointmentChange } from "@/lib/appointments/after-change";
import { assertLive, audit, lockAppointment, type MutationOptions } from "@/lib/appointments/appointment-tx";
import { withSalonTransaction } from "@/lib/db";
import type { Appointment } from "@/lib/generated/prisma/client";
import { cancelQueuedTexts } from "@/lib/messaging/cancel-queued-texts";

const CLOSED = {
  COMPLETED: { action: "appointment.complete", doing: "marked completed", reason: "Appointment completed" },
  NO_SHOW: { action: "appointment.no_show", doing: "marked a no-show", reason: "Customer did not show up" },
} as const;

async function closeAppointment(
  salonId: string,
  id: string,
  status: keyof typeof CLOSED,
  opts: MutationOptions,
): Promise<Appointment> {
  const { action, doing, reason } = CLOSED[status];
  const now = opts.now ?? new Date();
  const result = await withSalonTransaction(salonId, async (tx) => {
    const current = await lockAppointment(tx, salonId, id);
    if (current.status === status) return { appointment: current, changed: false };
    assertLive(current, doing);
    if (current.startsAt.getTime() > now.getTime()) {
      throw conflict(
        "appointment_not_started",
        `This appointment hasn't started yet, so it can't be ${doing}.`,
      );
    }
    const appointment = await tx.appointment.update({ where: { id, salonId }, data: { status } });
    await cancelQueuedTexts({ salonId, appointmentId: id, kinds: ["REMINDER", "CONFIRMATION"] }, reason, {
      client: tx,
    });
    await audit(tx, salonId, action, id, opts);
    return { appointment, changed: true };
  });
  if (result.changed) await afterAppointmentChange(salonId, id, { type: "closed" }, opts.actor);
  return result.appointment;
}

/** The customer came and was served. Marking twice is a no-op; only once the appointment has started. */
export function markAppointmentCompleted(salonId: string, id: string, opts: MutationOptions = {}) {
  return closeAppointment(salonId, id, "COMPLETED", opts);
}

/** The customer didn't come. Marking twice is a no-op; only once the appointment has started. */
export function markAppointmentNoShow(salonId: string, id: string, opts: MutationOptions = {}) {
  return closeAppointment(salonId, id, "NO_SHOW", opts);
}
