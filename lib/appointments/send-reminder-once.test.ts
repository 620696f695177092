// The appointments page's "Send reminder": two quick clicks send one text, and a second reminder soon
// after the first needs a confirm — through sendSms and the real Twilio SDK against the stand-in.
import { describe, expect, it } from "vitest";
import { sendReminderOnce } from "@/lib/appointments/send-reminder-once";
import { db } from "@/lib/db";
import { createTextingSalon, setUpTextingServers } from "@/lib/testing/delivery-test-kit";
import { createAppointment, createCustomer, createNotification } from "@/lib/testing/factories";

const servers = setUpTextingServers({ callbackDelayMs: 5 });

describe("Send reminder on the appointments page: no double send", () => {
  const now = new Date("2030-01-10T15:00:00Z");
  async function bookedIn(salonId: string) {
    const customer = await createCustomer(salonId, { firstTextedAt: now });
    return createAppointment(salonId, { customerId: customer.id, startsAt: new Date("2030-01-11T17:00:00Z") });
  }
  const reminders = (appointmentId: string) => db.notification.findMany({ where: { appointmentId, kind: "REMINDER" }, orderBy: { createdAt: "asc" } });

  it("two clicks at once send one text; after a recent one it asks first, and a confirmed repeat sends once", async () => {
    const salon = await createTextingSalon(servers.standIn, { name: "Twice Shy" });
    const appointment = await bookedIn(salon.id);
    // Two clicks racing, nothing sent before: one text. Each click gets it, or (having seen it already
    // going out) is asked first about it.
    const clicks = await Promise.allSettled([0, 1].map(() => sendReminderOnce(salon.id, appointment.id, { now })));
    const [sent] = await reminders(appointment.id);
    expect(await reminders(appointment.id)).toHaveLength(1);
    for (const click of clicks) {
      if (click.status === "fulfilled") expect(click.value.id).toBe(sent!.id);
      else expect(click.reason).toMatchObject({ code: "reminder_recently_sent", details: { notificationId: sent!.id } });
    }

    // One that went out ten minutes ago: another click asks (409 with when), and sends nothing.
    const other = await bookedIn(salon.id);
    const sentAt = new Date(now.getTime() - 10 * 60_000);
    // Written long before (createdAt orders a salon's texts; texts sendSms writes carry the real time).
    const written = new Date("2020-01-01T00:00:00Z");
    const earlier = await createNotification(salon.id, { kind: "REMINDER", appointmentId: other.id, customerId: other.customerId, status: "SENT", sentAt, createdAt: written });
    await expect(sendReminderOnce(salon.id, other.id, { now })).rejects.toMatchObject({
      status: 409,
      code: "reminder_recently_sent",
      details: { sentAt: sentAt.toISOString(), notificationId: earlier.id },
    });
    expect(await reminders(other.id)).toHaveLength(1);
    // Confirmed twice at once ("send another" in two tabs): one more text.
    const repeats = await Promise.allSettled([0, 1].map(() => sendReminderOnce(salon.id, other.id, { now, repeatAfter: earlier.id })));
    const after = await reminders(other.id);
    expect(after.map((r) => r.id)).toEqual([earlier.id, expect.any(String)]);
    for (const r of repeats) {
      if (r.status === "fulfilled") expect(r.value.id).toBe(after[1]!.id);
      else expect(r.reason).toMatchObject({ code: "reminder_recently_sent", details: { notificationId: after[1]!.id } });
    }

    // A reminder two hours old, or one that failed, needs no confirm; a future scheduled one doesn't count.
    const third = await bookedIn(salon.id);
    const old = new Date(now.getTime() - 2 * 3600_000);
    await createNotification(salon.id, { kind: "REMINDER", appointmentId: third.id, customerId: third.customerId, status: "SENT", sentAt: old, createdAt: written });
    await createNotification(salon.id, { kind: "REMINDER", appointmentId: third.id, customerId: third.customerId, status: "QUEUED", scheduledFor: new Date("2030-01-11T15:00:00Z"), createdAt: written });
    expect((await sendReminderOnce(salon.id, third.id, { now })).kind).toBe("REMINDER");
  });

  it("another salon's appointment is not found and nothing is sent", async () => {
    const salon = await createTextingSalon(servers.standIn, { name: "Theirs" });
    const mine = await createTextingSalon(servers.standIn, { name: "Mine" });
    const appointment = await bookedIn(salon.id);
    await expect(sendReminderOnce(mine.id, appointment.id, { now })).rejects.toMatchObject({ status: 404 });
    expect(await reminders(appointment.id)).toHaveLength(0);
  });
});
