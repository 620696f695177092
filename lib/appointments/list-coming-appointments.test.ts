// The calendar: this week in the salon's zone, with each booking's reminder state in words; the day and
// week windows and columns; the booking form's customer search — each inside one salon.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { searchBookingCustomers } from "@/lib/appointments/booking-customers";
import { calendarNavigation, loadCalendar } from "@/lib/appointments/calendar";
import { describeTextState } from "@/components/appointments/reminder-state";
import { listComingAppointments } from "@/lib/appointments/list-coming-appointments";
import { reminderKey } from "@/lib/messaging/reminders";
import {
  createAppointment,
  createCustomer,
  createEmployee,
  createNotification,
  createSalon,
  createService,
} from "@/lib/testing/factories";

const TZ = "America/Los_Angeles";
const HOUR = 3_600_000;
// Monday Dec 1 2025, 9:00 AM in Los Angeles.
const NOW = new Date("2025-12-01T17:00:00Z");

describe("listComingAppointments", () => {
  it("covers today through the 7th day in the salon's zone, including one in progress", async () => {
    const salon = await createSalon({ timeZone: TZ });
    const inProgress = await createAppointment(salon.id, {
      startsAt: new Date(NOW.getTime() - HOUR / 2),
      endsAt: new Date(NOW.getTime() + HOUR / 2),
    });
    await createAppointment(salon.id, {
      startsAt: new Date(NOW.getTime() - 2 * HOUR),
      endsAt: new Date(NOW.getTime() - HOUR),
    });
    // Sunday Dec 7, 11 PM local (Dec 8 in UTC) is inside; Monday Dec 8, 00:30 local is not.
    const lastDay = await createAppointment(salon.id, { startsAt: new Date("2025-12-08T07:00:00Z") });
    await createAppointment(salon.id, { startsAt: new Date("2025-12-08T08:30:00Z") });
    const { appointments, truncated } = await listComingAppointments(salon.id, { timeZone: TZ, now: NOW });
    expect(appointments.map((a) => a.id)).toEqual([inProgress.id, lastDay.id]);
    expect(truncated).toBe(false);
  });

  it("describes reminders: sent, scheduled (in salon time) and ignores ones for an old time", async () => {
    const salon = await createSalon({ timeZone: TZ });
    const startsAt = new Date("2025-12-02T21:30:00Z"); // Tue 1:30 PM local
    const appt = await createAppointment(salon.id, { startsAt });
    const version = appt.updatedAt;
    const text = (offset: number, status: "SENT" | "QUEUED" | "CANCELED", plannedFor = startsAt) =>
      createNotification(salon.id, {
        appointmentId: appt.id,
        customerId: appt.customerId,
        kind: "REMINDER",
        status,
        scheduledFor: new Date(plannedFor.getTime() - offset * 60_000),
        idempotencyKey: reminderKey(appt.id, plannedFor, offset, version),
      });
    await text(1440, "SENT");
    await text(120, "QUEUED");
    await text(120, "CANCELED", new Date(startsAt.getTime() - 24 * HOUR)); // before it was moved
    await createNotification(salon.id, {
      appointmentId: appt.id,
      customerId: appt.customerId,
      kind: "CONFIRMATION",
      status: "DELIVERED",
    });

    const { appointments } = await listComingAppointments(salon.id, { timeZone: TZ, now: NOW });
    const state = describeTextState(appointments[0]!, NOW, salon);
    expect(state).toEqual({
      reminders: "Reminders: 24 h sent · 2 h scheduled for tomorrow 11:30 AM",
      confirmation: "Confirmation delivered",
      hasFailure: false,
      inFlight: false,
    });
  });

  it("says when a reminder due in quiet hours really goes out, from the salon's current settings", async () => {
    // Quiet until 08:00 (the default): the 2 h reminder for a 9:30 AM appointment waits until 8:00.
    const salon = await createSalon({ timeZone: TZ });
    const startsAt = new Date("2025-12-02T17:30:00Z"); // Tue 9:30 AM local
    const appt = await createAppointment(salon.id, { startsAt });
    const reminder = (offset: number, status: "SENT" | "QUEUED") =>
      createNotification(salon.id, {
        appointmentId: appt.id,
        customerId: appt.customerId,
        kind: "REMINDER",
        status,
        scheduledFor: new Date(startsAt.getTime() - offset * 60_000),
        idempotencyKey: reminderKey(appt.id, startsAt, offset, appt.updatedAt),
      });
    await reminder(1440, "SENT");
    await reminder(120, "QUEUED");
    const [row] = (await listComingAppointments(salon.id, { timeZone: TZ, now: NOW })).appointments;
    expect(describeTextState(row!, NOW, salon).reminders).toBe(
      "Reminders: 24 h sent · 2 h scheduled for tomorrow 8:00 AM (after quiet hours)",
    );
    // The owner moves the end of quiet hours to 7:00: the page follows, as delivery will.
    expect(describeTextState(row!, NOW, { ...salon, quietHoursEnd: "07:00" }).reminders).toBe(
      "Reminders: 24 h sent · 2 h scheduled for tomorrow 7:30 AM",
    );
    // At 7:45 AM the 2 h reminder is due but held: it says when it goes, not "sending".
    const held = new Date("2025-12-02T15:45:00Z");
    expect(describeTextState(row!, held, salon).reminders).toBe(
      "Reminders: 24 h sent · 2 h scheduled for 8:00 AM (after quiet hours)",
    );
    expect(describeTextState(row!, new Date("2025-12-02T16:00:00Z"), salon).reminders).toBe(
      "Reminders: 24 h sent · 2 h sending",
    );
  });

  it("is in flight from “Send reminder” until the delivery report, so the page refreshes by itself", async () => {
    const salon = await createSalon({ timeZone: TZ });
    const appt = await createAppointment(salon.id, { startsAt: new Date(NOW.getTime() + 3 * HOUR) });
    const text = await createNotification(salon.id, { appointmentId: appt.id, kind: "REMINDER", status: "QUEUED", createdAt: NOW });
    const state = async (now = NOW) => {
      const [row] = (await listComingAppointments(salon.id, { timeZone: TZ, now: NOW })).appointments;
      return describeTextState(row!, now, salon);
    };
    expect(await state()).toMatchObject({ reminders: "Reminders: sent by hand (sending)", inFlight: true });
    for (const status of ["SENDING", "SENT"] as const) {
      await db.notification.update({ where: { id: text.id }, data: { status } });
      expect(await state()).toMatchObject({ reminders: "Reminders: sent by hand (sent)", inFlight: true });
    }
    // No delivery report ten minutes on: it stays "sent" and the page stops asking.
    expect((await state(new Date(NOW.getTime() + 10 * 60_000))).inFlight).toBe(false);
    await db.notification.update({ where: { id: text.id }, data: { status: "DELIVERED" } });
    expect(await state()).toMatchObject({ reminders: "Reminders: sent by hand (delivered)", inFlight: false });
  });

  it("says when nothing is scheduled and flags failures", async () => {
    const salon = await createSalon({ timeZone: TZ });
    const appt = await createAppointment(salon.id, { startsAt: new Date(NOW.getTime() + 3 * HOUR) });
    let [row] = (await listComingAppointments(salon.id, { timeZone: TZ, now: NOW })).appointments;
    expect(describeTextState(row!, NOW, salon).reminders).toBe("Reminders: none scheduled");
    await createNotification(salon.id, { appointmentId: appt.id, kind: "REMINDER", status: "FAILED" });
    [row] = (await listComingAppointments(salon.id, { timeZone: TZ, now: NOW })).appointments;
    expect(describeTextState(row!, NOW, salon)).toMatchObject({
      reminders: "Reminders: sent by hand (failed)",
      hasFailure: true,
    });
  });

  it("carries rescheduleRequestedAt, so the page can show who texted R", async () => {
    const salon = await createSalon({ timeZone: TZ });
    const requestedAt = new Date(NOW.getTime() - HOUR);
    const asked = await createAppointment(salon.id, {
      startsAt: new Date(NOW.getTime() + 2 * HOUR),
      rescheduleRequestedAt: requestedAt,
    });
    await createAppointment(salon.id, { startsAt: new Date(NOW.getTime() + 3 * HOUR) });
    const { appointments } = await listComingAppointments(salon.id, { timeZone: TZ, now: NOW });
    expect(appointments.map((a) => [a.id === asked.id, a.rescheduleRequestedAt])).toEqual([
      [true, requestedAt],
      [false, null],
    ]);
  });

  it("never lists another salon's appointments", async () => {
    const a = await createSalon({ timeZone: TZ });
    const b = await createSalon({ timeZone: TZ });
    await createAppointment(b.id, { startsAt: new Date(NOW.getTime() + HOUR) });
    expect((await listComingAppointments(a.id, { timeZone: TZ, now: NOW })).appointments).toEqual([]);
  });
});

describe("the calendar", () => {
  it("a week runs Monday to Sunday in the salon's zone; columns are active stylists, the booked and Unassigned", async () => {
    const salon = await createSalon({ timeZone: TZ });
    const other = await createSalon({ timeZone: TZ });
    const ana = await createEmployee(salon.id, { name: "Ana" });
    const gone = await createEmployee(salon.id, { name: "Zed", active: false });
    await createEmployee(salon.id, { name: "Idle", active: false });
    await createService(salon.id, { name: "Cut" });
    // Wed Dec 3 (local) for Ana; Sun Dec 7, 11 PM local for Zed (inactive but booked); an unassigned one.
    const wed = await createAppointment(salon.id, {
      employeeId: ana.id,
      startsAt: new Date("2025-12-03T18:00:00Z"),
    });
    const sun = await createAppointment(salon.id, {
      employeeId: gone.id,
      startsAt: new Date("2025-12-08T07:00:00Z"),
    });
    const none = await createAppointment(salon.id, { startsAt: new Date("2025-12-04T18:00:00Z") });
    await createAppointment(salon.id, { startsAt: new Date("2025-12-08T08:30:00Z") }); // Mon Dec 8 local: next week
    await createAppointment(other.id, { startsAt: new Date("2025-12-03T18:00:00Z") }); // another salon's

    const week = await loadCalendar(salon.id, {
      timeZone: TZ,
      view: "week",
      date: { year: 2025, month: 12, day: 3 },
      now: NOW,
    });
    expect(week.appointments.map((a) => a.id)).toEqual([wed.id, none.id, sun.id]);
    expect(week.columns).toEqual([
      { id: ana.id, name: "Ana" },
      { id: gone.id, name: "Zed" },
      { id: null, name: "Unassigned" },
    ]);
    expect(week.stylists.map((s) => s.name)).toEqual(["Ana"]);
    expect(week.services.map((s) => s.name)).toEqual(["Cut"]);
    const nav = calendarNavigation("week", week.days);
    expect(nav).toMatchObject({ title: "Dec 1 – 7, 2025", previous: "2025-11-24", next: "2025-12-08" });
    expect(nav.days.map((d) => d.label)).toEqual([
      "Mon, Dec 1",
      "Tue, Dec 2",
      "Wed, Dec 3",
      "Thu, Dec 4",
      "Fri, Dec 5",
      "Sat, Dec 6",
      "Sun, Dec 7",
    ]);

    // No date: today in the salon's zone (Monday Dec 1 at 9 AM there).
    const today = await loadCalendar(salon.id, { timeZone: TZ, view: "day", now: NOW });
    expect(today.days).toEqual([{ year: 2025, month: 12, day: 1 }]);
    expect(calendarNavigation("day", today.days)).toMatchObject({
      title: "Monday, December 1, 2025",
      previous: "2025-11-30",
      next: "2025-12-02",
    });
  });

  it("the booking form's search finds this salon's customers by name or phone digits, a few at most", async () => {
    const salon = await createSalon();
    const other = await createSalon();
    const dana = await createCustomer(salon.id, { name: "Dana Diaz", phone: "+14155550123" });
    await createCustomer(other.id, { name: "Dana Elsewhere", phone: "+14155550124" });
    expect((await searchBookingCustomers(salon.id, "dana")).map((c) => c.id)).toEqual([dana.id]);
    expect((await searchBookingCustomers(salon.id, "(415) 555-0123")).map((c) => c.id)).toEqual([dana.id]);
    for (let i = 0; i < 8; i++) await createCustomer(salon.id, { name: `Dana ${i}` });
    expect(await searchBookingCustomers(salon.id, "Dana")).toHaveLength(6);
  });
});
