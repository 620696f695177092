// The send-time check on reminders, through the delivery job, the real Twilio SDK and the stand-in:
// worded for the moment they go out, and dropped when the appointment changed behind their back.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setUpTextingServers } from "@/lib/testing/delivery-test-kit";
import { processDeliveries } from "@/lib/messaging/delivery/deliver-notification";
import { describeAppointmentTime } from "@/lib/messaging/time-text";
import { CANCELLED_REASON, MOVED_REASON } from "@/lib/messaging/reminders";
import {
  HOUR,
  book,
  bookingSetup as setupBooking,
  deliver,
  textsOf,
} from "@/lib/testing/booking-test-kit";

const servers = setUpTextingServers({ callbackDelayMs: 5 });

const bookingSetup = (overrides: Parameters<typeof setupBooking>[1] = {}) => setupBooking(servers.standIn, overrides);

describe("at send time", () => {
  it("words the reminder for the moment it goes out", async () => {
    const setup = await bookingSetup({ timeZone: "America/New_York" });
    const startsAt = new Date(Date.now() + 3 * 24 * HOUR);
    const appointment = await book(setup, startsAt);
    const [dayBefore] = await textsOf(appointment.id, "REMINDER");
    expect(await deliver(dayBefore!)).toMatchObject({ result: "sent" });
    const when = describeAppointmentTime(startsAt, new Date(), "America/New_York");
    expect(servers.standIn.state.messages[0]).toMatchObject({
      to: setup.customer.phone,
      from: setup.salon.twilioNumber,
      body: `Fringe Benefits: Reminder: your Haircut appointment with Ana is ${when}. Reply C to confirm or R to reschedule.`,
    });
    expect(when).toMatch(/^on \w+day, \w{3} \d{1,2} at/);
  });

  it("a reminder whose appointment was moved or cancelled behind its back is cancelled, not sent", async () => {
    const setup = await bookingSetup();
    const moved = await book(setup, new Date(Date.now() + 3 * 24 * HOUR));
    const cancelled = await book(setup, new Date(Date.now() + 4 * 24 * HOUR));
    // Changed without the mutations (a race with the job, or another writer): only the send-time check can notice.
    await db.appointment.update({
      where: { id: moved.id },
      // The end moves too: an appointment ending before it starts is refused (no-double-booking range).
      data: {
        startsAt: new Date(moved.startsAt.getTime() + 2 * 24 * HOUR),
        endsAt: new Date(moved.endsAt.getTime() + 2 * 24 * HOUR),
      },
    });
    await db.appointment.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });

    const [movedReminder] = await textsOf(moved.id, "REMINDER");
    const [cancelledReminder] = await textsOf(cancelled.id, "REMINDER");
    expect(await deliver(movedReminder!)).toEqual({ result: "canceled", reason: MOVED_REASON });
    expect(await deliver(cancelledReminder!)).toEqual({ result: "canceled", reason: CANCELLED_REASON });
    for (const r of [movedReminder!, cancelledReminder!]) {
      expect(await db.notification.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
        status: "CANCELED",
        providerMessageId: null,
      });
    }
    expect(servers.standIn.state.messages.filter((m) => m.to === setup.customer.phone)).toHaveLength(0);
  });

  it("decides a whole batch in order: moved, cancelled and current reminders together", async () => {
    const setup = await bookingSetup();
    const day = 24 * HOUR;
    const [moved, cancelled, current] = await Promise.all(
      [3, 4, 5].map((d) => book(setup, new Date(Date.now() + d * day))),
    );
    await db.appointment.update({
      where: { id: moved!.id },
      data: {
        startsAt: new Date(moved!.startsAt.getTime() + 3 * day),
        endsAt: new Date(moved!.endsAt.getTime() + 3 * day),
      },
    });
    await db.appointment.update({ where: { id: cancelled!.id }, data: { status: "CANCELLED" } });
    const reminders = await Promise.all(
      [moved!, cancelled!, current!].map(async (a) => (await textsOf(a.id, "REMINDER"))[0]!),
    );
    const outcomes = await processDeliveries(
      reminders.map((r) => ({
        payload: { notificationId: r.id, salonId: r.salonId },
        attempt: { retryCount: 0, retryLimit: 5 },
      })),
    );
    expect(outcomes.map((o) => o.result)).toEqual(["canceled", "canceled", "sent"]);
    expect(outcomes.slice(0, 2)).toEqual([
      { result: "canceled", reason: MOVED_REASON },
      { result: "canceled", reason: CANCELLED_REASON },
    ]);
    expect(servers.standIn.state.messages.map((m) => m.body)).toEqual([
      expect.stringContaining("Reminder: your Haircut appointment with Ana is on"),
    ]);
  });
});
