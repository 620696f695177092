// What every appointment change does inside its transaction: lock the row, refuse changes to one
// that no longer happens, and write the audit row. Shared by mutations.ts and close-appointment.ts.
import { conflict, notFound } from "@/lib/api/errors";
import type { ChangeActor } from "@/lib/appointments/after-change";
import { isLive } from "@/lib/appointments/get-appointment";
import type { Appointment, Prisma } from "@/lib/generated/prisma/client";

export type Tx = Prisma.TransactionClient;
/** `now` is the clock for rules about time (marking a no-show only once it has started). */
export type MutationOptions = { actor?: ChangeActor; idempotencyKey?: string; now?: Date };

export function audit(
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

/** Locks the row for the rest of the transaction, so concurrent changes to one booking serialise. */
export async function lockAppointment(tx: Tx, salonId: string, id: string): Promise<Appointment> {
  await tx.$queryRaw`SELECT 1 FROM "appointments" WHERE "id" = ${id} AND "salonId" = ${salonId} FOR UPDATE`;
  const appointment = await tx.appointment.findFirst({ where: { id, salonId } });
  if (!appointment) throw notFound("Appointment");
  return appointment;
}

export function assertLive(appointment: Appointment, doing: string): void {
  if (!isLive(appointment)) {
    throw conflict(
      "appointment_not_active",
      `This appointment is ${appointment.status.toLowerCase().replace("_", "-")} and can't be ${doing}.`,
    );
  }
}
