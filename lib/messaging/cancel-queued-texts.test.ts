// Calling off texts that are still waiting: only QUEUED ones, only the ones asked for, only the
// salon's own, each with its reason on the row and one history event; inside a caller's transaction too.
import { describe, expect, it } from "vitest";
import { db, withSalonTransaction } from "@/lib/db";
import type { NotificationStatus } from "@/lib/generated/prisma/client";
import { cancelQueuedTexts } from "@/lib/messaging/cancel-queued-texts";
import { advanceNotificationStatus } from "@/lib/messaging/notification-status";
import { createAppointment, createNotification, createSalon } from "@/lib/testing/factories";

const NOW = new Date("2026-03-15T12:00:00Z");
const STARTS_AT = new Date("2026-03-20T15:00:00Z");

const statusOf = async (id: string) => (await db.notification.findUniqueOrThrow({ where: { id } })).status;
const eventsOf = (id: string) =>
  db.notificationEvent.findMany({ where: { notificationId: id }, select: { status: true, detail: true, occurredAt: true } });

describe("cancelQueuedTexts", () => {
  it("cancels one queued text with its reason, its time and one event; a second call changes nothing", async () => {
    const salon = await createSalon();
    const n = await createNotification(salon.id, { status: "QUEUED" });
    expect(await cancelQueuedTexts({ salonId: salon.id, notificationId: n.id }, "No longer wanted", { now: NOW })).toEqual([n.id]);
    expect(await db.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({
      status: "CANCELED",
      failureReason: "No longer wanted",
      updatedAt: NOW,
    });
    expect(await eventsOf(n.id)).toEqual([{ status: "CANCELED", detail: "No longer wanted", occurredAt: NOW }]);

    expect(await cancelQueuedTexts({ salonId: salon.id, notificationId: n.id }, "Again")).toEqual([]);
    expect(await eventsOf(n.id)).toHaveLength(1);
    // A "canceled" report arriving later is the same event, not a second one.
    await advanceNotificationStatus({ notificationId: n.id }, "CANCELED", { salonId: salon.id });
    expect(await eventsOf(n.id)).toHaveLength(1);
  });

  it("leaves texts that are no longer waiting alone", async () => {
    const salon = await createSalon();
    for (const status of ["SENDING", "SENT", "DELIVERED", "FAILED"] satisfies NotificationStatus[]) {
      const n = await createNotification(salon.id, { status });
      expect(await cancelQueuedTexts({ salonId: salon.id, notificationId: n.id }, "Too late")).toEqual([]);
      expect(await statusOf(n.id)).toBe(status);
      expect(await eventsOf(n.id)).toEqual([]);
    }
  });

  it("cancels an appointment's texts of the given kinds only", async () => {
    const salon = await createSalon();
    const appointment = await createAppointment(salon.id, { startsAt: STARTS_AT });
    const other = await createAppointment(salon.id, { startsAt: STARTS_AT });
    const about = (appointmentId: string, kind: "REMINDER" | "CONFIRMATION" | "EMPLOYEE_BOOKING") =>
      createNotification(salon.id, { appointmentId, kind, status: "QUEUED" });
    const reminder = await about(appointment.id, "REMINDER");
    const confirmation = await about(appointment.id, "CONFIRMATION");
    const stylist = await about(appointment.id, "EMPLOYEE_BOOKING");
    const otherReminder = await about(other.id, "REMINDER");

    const canceled = await cancelQueuedTexts(
      { salonId: salon.id, appointmentId: appointment.id, kinds: ["REMINDER", "CONFIRMATION"] },
      "Appointment cancelled",
    );
    expect(canceled.sort()).toEqual([reminder.id, confirmation.id].sort());
    expect(await statusOf(stylist.id)).toBe("QUEUED");
    expect(await statusOf(otherReminder.id)).toBe("QUEUED");
  });

  it("finds a text by its key, in its own salon only", async () => {
    const a = await createSalon();
    const b = await createSalon();
    const mine = await createNotification(a.id, { status: "QUEUED", idempotencyKey: "missed-call:CA1" });
    const theirs = await createNotification(b.id, { status: "QUEUED", idempotencyKey: "missed-call:CA1" });
    expect(await cancelQueuedTexts({ salonId: a.id, idempotencyKey: "missed-call:CA1" }, "They called back")).toEqual([mine.id]);
    expect(await statusOf(theirs.id)).toBe("QUEUED");
    // Nor by id: salon B cannot cancel salon A's text.
    const waiting = await createNotification(a.id, { status: "QUEUED" });
    expect(await cancelQueuedTexts({ salonId: b.id, notificationId: waiting.id }, "Not yours")).toEqual([]);
    expect(await statusOf(waiting.id)).toBe("QUEUED");
  });

  it("runs in the caller's transaction and rolls back with it", async () => {
    const salon = await createSalon();
    const n = await createNotification(salon.id, { status: "QUEUED" });
    await expect(
      withSalonTransaction(salon.id, async (tx) => {
        expect(await cancelQueuedTexts({ salonId: salon.id, notificationId: n.id }, "Moved", { client: tx })).toEqual([n.id]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await statusOf(n.id)).toBe("QUEUED");
    expect(await eventsOf(n.id)).toEqual([]);
  });
});
