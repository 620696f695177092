// The reminder lifecycle on real PostgreSQL and pg-boss: planned at the salon's offsets on booking,
// cancelled on cancel, replaced on reschedule; the stylist and (optionally) the customer are told.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { DELIVER_NOTIFICATION } from "@/lib/jobs/queues";
import { startStatusRoute } from "@/lib/testing/delivery-test-kit";
import { describeAppointmentTime } from "@/lib/messaging/time-text";
import { CANCELLED_REASON, MOVED_REASON } from "@/lib/messaging/reminders";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { startStandInForTests } from "@/lib/testing/twilio-sandbox";
import { createCustomer, createEmployee } from "@/lib/testing/factories";
import { markAppointmentCompleted, markAppointmentNoShow } from "@/lib/appointments/close-appointment";
import {
  cancelAppointment,
  confirmAppointment,
  createAppointment,
  rescheduleAppointment,
} from "@/lib/appointments/mutations";
import {
  HOUR,
  MIN,
  book,
  bookingSetup as setupBooking,
  deliver,
  textsOf,
} from "@/lib/testing/booking-test-kit";

let standIn: TwilioStandIn;
let route: Awaited<ReturnType<typeof startStatusRoute>>;

beforeAll(async () => {
  standIn = await startStandInForTests({ callbackDelayMs: 5 });
  route = await startStatusRoute();
});
afterAll(async () => {
  await stopBoss();
  await standIn.close();
  await route.close();
});
beforeEach(() => standIn.state.reset());

const bookingSetup = (overrides: Parameters<typeof setupBooking>[1] = {}) => setupBooking(standIn, overrides);

describe("booking", () => {
  it("queues one reminder per salon offset, each at its time and through the queue", async () => {
    const setup = await bookingSetup();
    const startsAt = new Date(Date.now() + 3 * 24 * HOUR);
    const appointment = await book(setup, startsAt);
    expect(appointment.endsAt.getTime() - startsAt.getTime()).toBe(45 * MIN);

    const reminders = await textsOf(appointment.id, "REMINDER");
    expect(reminders.map((r) => r.scheduledFor?.getTime()).sort()).toEqual([
      startsAt.getTime() - 24 * HOUR,
      startsAt.getTime() - 2 * HOUR,
    ]);
    for (const r of reminders) {
      expect(r).toMatchObject({
        status: "QUEUED",
        destination: setup.customer.phone,
        recipientKind: "CUSTOMER",
        customerId: setup.customer.id,
      });
      const when = describeAppointmentTime(startsAt, r.scheduledFor!, "America/Chicago");
      expect(r.body).toBe(
        `Fringe Benefits: Reminder: your Haircut appointment with Ana is ${when}. Reply C to confirm or R to reschedule.`,
      );
    }
    // Each waits in pg-boss until its moment.
    const boss = await getBoss();
    for (const r of reminders) {
      const [job] = await boss.findJobs(DELIVER_NOTIFICATION, { key: r.id });
      expect(job?.startAfter.getTime()).toBe(r.scheduledFor!.getTime());
    }
  });

  it("skips offsets already past and honours the salon's own offsets", async () => {
    const setup = await bookingSetup({ reminderOffsetsMinutes: [60, 30, 10] });
    const startsAt = new Date(Date.now() + 45 * MIN);
    const appointment = await book(setup, startsAt);
    const reminders = await textsOf(appointment.id, "REMINDER");
    expect(
      reminders.map((r) => (startsAt.getTime() - r.scheduledFor!.getTime()) / MIN).sort((a, b) => a - b),
    ).toEqual([10, 30]);
  });

  it("tells the stylist (active, with a phone) and no one else", async () => {
    const setup = await bookingSetup();
    const startsAt = new Date(Date.now() + 3 * 24 * HOUR);
    const appointment = await book(setup, startsAt);
    const [notice] = await textsOf(appointment.id, "EMPLOYEE_BOOKING");
    expect(notice).toMatchObject({
      destination: setup.employee.phone,
      employeeId: setup.employee.id,
      recipientKind: "EMPLOYEE",
    });
    expect(notice?.body).toMatch(
      /^Fringe Benefits: New booking: Haircut for Dana Diaz on \w{3}, \w{3} \d{1,2} at \d{1,2}:\d{2} [AP]M\.$/,
    );
    expect(await deliver(notice!)).toMatchObject({ result: "sent" });
    expect(standIn.state.messages[0]).toMatchObject({
      to: setup.employee.phone,
      from: setup.salon.twilioNumber,
      body: notice?.body,
    });

    const noPhone = await createEmployee(setup.salon.id, { phone: null });
    const other = await book(setup, startsAt, { employeeId: noPhone.id });
    expect(await textsOf(other.id, "EMPLOYEE_BOOKING")).toHaveLength(0);

    // Deactivated after booking: no text about the cancellation.
    await db.employee.update({ where: { id: setup.employee.id }, data: { active: false } });
    await cancelAppointment(setup.salon.id, appointment.id);
    expect(await textsOf(appointment.id, "EMPLOYEE_BOOKING")).toHaveLength(1);
  });

  it("sends a confirmation automatically only when the salon asks for it", async () => {
    const auto = await bookingSetup({ autoConfirm: true });
    const startsAt = new Date(Date.now() + 3 * 24 * HOUR);
    const confirmed = await book(auto, startsAt);
    const [confirmation] = await textsOf(confirmed.id, "CONFIRMATION");
    expect(confirmation?.status).toBe("QUEUED");
    expect(await deliver(confirmation!)).toMatchObject({ result: "sent" });
    const when = describeAppointmentTime(startsAt, new Date(), "America/Chicago");
    expect(standIn.state.messages.find((m) => m.to === auto.customer.phone)?.body).toBe(
      `Fringe Benefits: Confirmed: your Haircut appointment with Ana is ${when}. Reply R to reschedule.`,
    );

    const manual = await bookingSetup({ autoConfirm: false });
    const unconfirmed = await book(manual, startsAt);
    expect(await textsOf(unconfirmed.id, "CONFIRMATION")).toHaveLength(0);
  });
});

describe("changes", () => {
  it("cancelling cancels the pending reminders with the reason, and their jobs send nothing", async () => {
    const setup = await bookingSetup();
    const appointment = await book(setup, new Date(Date.now() + 3 * 24 * HOUR));
    const cancelled = await cancelAppointment(setup.salon.id, appointment.id);
    expect(cancelled.status).toBe("CANCELLED");

    const reminders = await textsOf(appointment.id, "REMINDER");
    expect(reminders).toHaveLength(2);
    for (const r of reminders) {
      expect(r).toMatchObject({ status: "CANCELED", failureReason: CANCELLED_REASON });
      const events = await db.notificationEvent.findMany({
        where: { notificationId: r.id },
        orderBy: { occurredAt: "asc" },
      });
      expect(events.map((e) => [e.status, e.detail])).toContainEqual(["CANCELED", CANCELLED_REASON]);
      expect(await deliver(r)).toMatchObject({ result: "skipped" });
    }
    expect(standIn.state.messages.filter((m) => m.to === setup.customer.phone)).toHaveLength(0);
    const notices = await textsOf(appointment.id, "EMPLOYEE_BOOKING");
    expect(notices.map((n) => n.body.split(":")[1]?.trim())).toEqual(["New booking", "Booking cancelled"]);

    // Cancelling again changes nothing; a cancelled booking can't be moved.
    await cancelAppointment(setup.salon.id, appointment.id);
    expect(await textsOf(appointment.id, "EMPLOYEE_BOOKING")).toHaveLength(2);
    await expect(
      rescheduleAppointment(setup.salon.id, appointment.id, { startsAt: new Date() }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("rescheduling replaces the reminders, and moving back gets fresh ones", async () => {
    const setup = await bookingSetup();
    const first = new Date(Date.now() + 3 * 24 * HOUR);
    const second = new Date(first.getTime() + 24 * HOUR + 30 * MIN);
    const appointment = await book(setup, first);
    const moved = await rescheduleAppointment(setup.salon.id, appointment.id, { startsAt: second });
    expect(moved.endsAt.getTime() - second.getTime()).toBe(45 * MIN);

    const afterMove = await textsOf(appointment.id, "REMINDER");
    const old = afterMove.filter((r) => r.status === "CANCELED");
    const fresh = afterMove.filter((r) => r.status === "QUEUED");
    expect(old).toHaveLength(2);
    expect(old.every((r) => r.failureReason === MOVED_REASON)).toBe(true);
    expect(fresh.map((r) => r.scheduledFor!.getTime()).sort()).toEqual([
      second.getTime() - 24 * HOUR,
      second.getTime() - 2 * HOUR,
    ]);
    const [, movedNotice] = await textsOf(appointment.id, "EMPLOYEE_BOOKING");
    expect(movedNotice?.body).toMatch(
      /^Fringe Benefits: Booking moved: Haircut for Dana Diaz is now .+ \(was .+\)\.$/,
    );

    // The same slot again is a no-op; back to the first slot plans new reminders (old keys don't block them).
    await rescheduleAppointment(setup.salon.id, appointment.id, { startsAt: second });
    expect(
      await db.notification.count({
        where: { appointmentId: appointment.id, kind: "REMINDER", status: "QUEUED" },
      }),
    ).toBe(2);
    await rescheduleAppointment(setup.salon.id, appointment.id, { startsAt: first });
    const queued = await db.notification.findMany({
      where: { appointmentId: appointment.id, kind: "REMINDER", status: "QUEUED" },
    });
    expect(queued.map((r) => r.scheduledFor!.getTime()).sort()).toEqual([
      first.getTime() - 24 * HOUR,
      first.getTime() - 2 * HOUR,
    ]);
    expect(await db.notification.count({ where: { appointmentId: appointment.id, kind: "REMINDER" } })).toBe(
      6,
    );
  });

  it("confirming keeps the reminders", async () => {
    const setup = await bookingSetup();
    const appointment = await book(setup, new Date(Date.now() + 3 * 24 * HOUR));
    const confirmed = await confirmAppointment(setup.salon.id, appointment.id);
    expect(confirmed).toMatchObject({ status: "CONFIRMED" });
    expect(confirmed.confirmedAt).toBeInstanceOf(Date);
    expect(
      await db.notification.count({
        where: { appointmentId: appointment.id, kind: "REMINDER", status: "QUEUED" },
      }),
    ).toBe(2);
  });

  it("another salon's appointment is not found", async () => {
    const a = await bookingSetup();
    const b = await bookingSetup();
    const appointment = await book(b, new Date(Date.now() + 3 * 24 * HOUR));
    await expect(cancelAppointment(a.salon.id, appointment.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      rescheduleAppointment(a.salon.id, appointment.id, { startsAt: new Date() }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      createAppointment(a.salon.id, {
        customerId: b.customer.id,
        startsAt: new Date(),
        endsAt: new Date(Date.now() + HOUR),
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe("BOOKED");
  });
});

describe("no double booking (the database's exclusion constraint)", () => {
  // Tue, Mar 4 2031, 2:00 PM in Chicago (CST): fixed, far enough ahead for both reminders.
  const TWO_PM = new Date("2031-03-04T20:00:00Z");

  it("20 concurrent bookings of one stylist's slot: exactly one succeeds, 19 get a clear 409", async () => {
    const setup = await bookingSetup();
    const customers = await Promise.all(Array.from({ length: 20 }, () => createCustomer(setup.salon.id)));
    const results = await Promise.allSettled(
      customers.map((c, i) =>
        createAppointment(setup.salon.id, {
          customerId: c.id,
          employeeId: setup.employee.id,
          serviceId: setup.service.id,
          // Not all the same instant: overlapping is enough.
          startsAt: new Date(TWO_PM.getTime() + (i % 3) * 15 * MIN),
        }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    const winner = won[0]!.value;
    const [from, to] = [winner.startsAt, winner.endsAt].map((d) =>
      d.toLocaleTimeString("en-US", { timeZone: "America/Chicago", hour: "numeric", minute: "2-digit" }),
    );
    for (const err of lost) {
      expect(err).toMatchObject({
        status: 409,
        code: "slot_taken",
        message: `Ana is already booked ${from!.replace(/ PM$/, "")}–${to} on Tue, Mar 4. Choose another time or stylist.`,
        details: { appointmentId: winner.id },
      });
    }
    expect(await db.appointment.count({ where: { salonId: setup.salon.id } })).toBe(1);
    // The losers left nothing behind: no texts, no audit rows.
    expect(await db.notification.count({ where: { salonId: setup.salon.id, appointmentId: null } })).toBe(0);
    expect(
      await db.auditLog.count({ where: { salonId: setup.salon.id, action: "appointment.create" } }),
    ).toBe(1);
  });

  it("moving onto a booked slot is a 409; moving to another stylist re-plans reminders and tells both", async () => {
    const setup = await bookingSetup();
    const bo = await createEmployee(setup.salon.id, { name: "Bo" });
    const first = await book(setup, TWO_PM);
    const second = await book(setup, new Date(TWO_PM.getTime() + HOUR));
    // Back-to-back is fine ('[)' ranges); overlapping by a minute is not.
    await expect(
      rescheduleAppointment(setup.salon.id, second.id, { startsAt: new Date(TWO_PM.getTime() + 44 * MIN) }),
    ).rejects.toMatchObject({
      status: 409,
      code: "slot_taken",
      message: expect.stringMatching(/^Ana is already booked 2:00–2:45 PM/),
    });
    await rescheduleAppointment(setup.salon.id, second.id, {
      startsAt: new Date(TWO_PM.getTime() + 45 * MIN),
    });

    const moved = await rescheduleAppointment(setup.salon.id, second.id, {
      startsAt: TWO_PM,
      employeeId: bo.id,
    });
    expect(moved).toMatchObject({ employeeId: bo.id, startsAt: TWO_PM });
    const reminders = await textsOf(second.id, "REMINDER");
    const queued = reminders.filter((r) => r.status === "QUEUED");
    expect(queued).toHaveLength(2);
    expect(queued.every((r) => r.body.includes("with Bo"))).toBe(true);
    const notices = await db.notification.findMany({
      where: { appointmentId: second.id, kind: "EMPLOYEE_BOOKING" },
      orderBy: { createdAt: "asc" },
      select: { employeeId: true, body: true },
    });
    expect(notices.slice(-2)).toEqual([
      {
        employeeId: bo.id,
        body: expect.stringMatching(
          /^Fringe Benefits: New booking: Haircut for Dana Diaz on Tue, Mar 4 at 2:00 PM\.$/,
        ),
      },
      {
        employeeId: setup.employee.id,
        body: expect.stringMatching(/^Fringe Benefits: Booking cancelled: .* at 2:45 PM\.$/),
      },
    ]);
    // Ana's 2:00 is hers; Bo's 2:00 is his: back onto Ana is refused.
    await expect(
      rescheduleAppointment(setup.salon.id, second.id, { startsAt: TWO_PM, employeeId: setup.employee.id }),
    ).rejects.toMatchObject({ code: "slot_taken" });
    expect((await db.appointment.findUniqueOrThrow({ where: { id: first.id } })).employeeId).toBe(
      setup.employee.id,
    );
  });

  it("no-show and completed only once started; they cancel waiting texts and free the slot", async () => {
    const setup = await bookingSetup();
    const appointment = await book(setup, TWO_PM);
    const before = new Date(TWO_PM.getTime() - MIN);
    const after = new Date(TWO_PM.getTime() + 10 * MIN);
    await expect(
      markAppointmentNoShow(setup.salon.id, appointment.id, { now: before }),
    ).rejects.toMatchObject({
      status: 409,
      code: "appointment_not_started",
    });
    const noShow = await markAppointmentNoShow(setup.salon.id, appointment.id, { now: after });
    expect(noShow.status).toBe("NO_SHOW");
    expect((await textsOf(appointment.id, "REMINDER")).map((r) => r.status)).toEqual([
      "CANCELED",
      "CANCELED",
    ]);
    expect(await textsOf(appointment.id, "EMPLOYEE_BOOKING")).toHaveLength(1);
    // Again: a no-op. Completed after a no-show: refused.
    await markAppointmentNoShow(setup.salon.id, appointment.id, { now: after });
    await expect(
      markAppointmentCompleted(setup.salon.id, appointment.id, { now: after }),
    ).rejects.toMatchObject({
      status: 409,
      code: "appointment_not_active",
    });
    // A no-show no longer holds Ana's time.
    const rebooked = await book(setup, TWO_PM);
    expect((await markAppointmentCompleted(setup.salon.id, rebooked.id, { now: after })).status).toBe(
      "COMPLETED",
    );
  });
});
