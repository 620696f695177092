// The demo as a salon owner would judge it, whenever `npm start` happens to seed it (any hour, a
// closed Sunday, the DST changes): appointments inside opening hours, Bolt's own texts never at night,
// customers' texts at believable hours, calls already today once the salon has been open a while,
// and one coming appointment whose customer texted R — never the one the e2e reschedule spec uses.
import { describe, expect, it } from "vitest";
import { endOfWindow } from "@/lib/appointments/list-coming-appointments";
import { RESCHEDULE_REPLY } from "@/lib/messaging/keyword-actions";
import { isInQuietHours, waitsForQuietHours } from "@/lib/messaging/quiet-hours";
import { isOpenAt } from "@/lib/salons/business-hours";
import { buildDemoRows, DEMO_HOURS, DEMO_TIME_ZONE, type DemoRows } from "@/lib/dev/seed/demo-salon";
import { calendarDaysBetween, getZonedParts, zonedWallTimeToInstant, type ZonedParts } from "@/lib/time/zoned";

const tz = DEMO_TIME_ZONE;
const quiet = { timeZone: tz, start: "21:00", end: "08:00" };
const MINUTE = 60_000;

// Each moment's rows are built once and read by all four checks (building is most of this file's time).
const built = new Map<number, DemoRows>();
function build(now: Date): DemoRows {
  const cached = built.get(now.getTime());
  if (cached) return cached;
  const rows = buildRows(now);
  built.set(now.getTime(), rows);
  return rows;
}

function buildRows(now: Date): DemoRows {
  return buildDemoRows({
    salon: {
      id: "demo-salon",
      quietHoursStart: "21:00",
      quietHoursEnd: "08:00",
      reminderOffsetsMinutes: [1440, 120],
    },
    ownerId: "owner",
    staffId: "staff",
    accountSid: "AC00000000000000000000000000000000",
    now,
  });
}

const local = (date: string, hour: number, minute = 0) => {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return zonedWallTimeToInstant(tz, { year, month, day }, hour * 60 + minute);
};
// The checks read the same instants' wall clocks many times over; each reading is a time-zone
// computation, the bulk of this file's time, so each instant's is worked out once.
const partsCache = new Map<number, ZonedParts>();
const partsOf = (at: Date) => {
  let parts = partsCache.get(at.getTime());
  if (!parts) partsCache.set(at.getTime(), (parts = getZonedParts(at, tz)));
  return parts;
};
const dayKey = (at: Date) => {
  const p = partsOf(at);
  return `${p.year}-${p.month}-${p.day}`;
};

// A closed Sunday (today's), Saturday night, both 2026 DST changes and the days around them, a Thursday.
const DATES = [
  "2026-11-29",
  "2026-11-28",
  "2026-11-30",
  "2026-03-07",
  "2026-03-08",
  "2026-03-09",
  "2026-11-01",
  "2026-11-02",
  "2026-12-03",
];
// Just after midnight, the last minute before quiet hours end, just after opening, mid-day, late
// afternoon, and just after quiet hours start: the edges the checks below depend on.
const TIMES: Array<[number, number]> = [
  [0, 20],
  [7, 59],
  [9, 20],
  [13, 37],
  [17, 0],
  [21, 10],
];
const MOMENTS = DATES.flatMap((d) => TIMES.map(([h, m]) => local(d, h, m)));

describe("the demo salon, seeded at any moment", () => {
  it.each(MOMENTS.map((now) => [now.toISOString(), now] as const))(
    "%s: the book keeps the salon's hours",
    (_, now) => {
      const rows = build(now);
      const duration = new Map(rows.services.map((s) => [s.id, s.durationMinutes]));
      const stylists = new Map(rows.employees.map((e) => [e.id, e]));
      const performs = new Set(rows.employeeServices.map((es) => `${es.employeeId}:${es.serviceId}`));
      const perDay = new Map<string, number>();
      for (const a of rows.appointments) {
        const where = `${a.startsAt.toISOString()} (${partsOf(a.startsAt).weekday})`;
        expect(isOpenAt(DEMO_HOURS, tz, a.startsAt), where).toBe(true);
        expect(isOpenAt(DEMO_HOURS, tz, new Date(a.endsAt.getTime() - MINUTE)), where).toBe(true);
        // Inside the stylist's own hours (around their breaks), a service they perform, never on their time off.
        const stylist = stylists.get(a.employeeId)!;
        expect(stylist.active, where).toBe(true);
        expect(isOpenAt(stylist.workingHours, tz, a.startsAt), where).toBe(true);
        expect(isOpenAt(stylist.workingHours, tz, new Date(a.endsAt.getTime() - MINUTE)), where).toBe(true);
        expect(performs.has(`${a.employeeId}:${a.serviceId}`), where).toBe(true);
        const off = rows.employeeTimeOff.filter((t) => t.employeeId === a.employeeId);
        expect(off.some((t) => a.startsAt < new Date(t.endsAt) && a.endsAt > new Date(t.startsAt)), where).toBe(false);
        expect(dayKey(a.endsAt), where).toBe(dayKey(a.startsAt));
        expect(partsOf(a.startsAt).minute % 15, where).toBe(0);
        expect((a.endsAt.getTime() - a.startsAt.getTime()) / MINUTE, where).toBe(duration.get(a.serviceId));
        expect(a.status, where).toBe(
          a.endsAt <= now ? "COMPLETED" : a.status === "CONFIRMED" ? "CONFIRMED" : "BOOKED",
        );
        perDay.set(dayKey(a.startsAt), (perDay.get(dayKey(a.startsAt)) ?? 0) + 1);
      }
      for (const count of perDay.values()) expect(count).toBeGreaterThanOrEqual(4);
      // A real week: Fridays and Saturdays are the fullest days.
      const weekdayOfKey = (key: string) => getZonedParts(local(key.replace(/-(\d)(?=-|$)/g, "-0$1"), 12), tz).weekday;
      const average = (days: number[]) => {
        const counts = [...perDay].filter(([key]) => days.includes(weekdayOfKey(key))).map(([, n]) => n);
        return counts.reduce((a, b) => a + b, 0) / counts.length;
      };
      expect(average([5, 6])).toBeGreaterThan(average([1, 2, 3, 4]) * 1.3);
      // Nobody twice a day; no stylist in two places at once.
      const byCustomerDay = rows.appointments.map((a) => `${a.customerId}@${dayKey(a.startsAt)}`);
      expect(new Set(byCustomerDay).size).toBe(byCustomerDay.length);
      const sorted = [...rows.appointments].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      for (const [i, a] of sorted.entries()) {
        const clash = sorted.slice(i + 1).find((b) => b.employeeId === a.employeeId && b.startsAt < a.endsAt);
        expect(clash, `${a.employeeId} at ${a.startsAt.toISOString()}`).toBeUndefined();
      }
      // The coming week has plenty, and the opted-out customer is among them (their reminders end CANCELED).
      const coming = rows.appointments.filter((a) => a.startsAt > now);
      expect(coming.length).toBeGreaterThanOrEqual(20);
      const optedOut = rows.customers.find((c) => c.smsConsent === "OPTED_OUT")!;
      expect(coming.some((a) => a.customerId === optedOut.id)).toBe(true);
    },
  );

  it.each(MOMENTS.map((now) => [now.toISOString(), now] as const))(
    "%s: texts at believable hours, Bolt's own never at night",
    (_, now) => {
      const rows = build(now);
      for (const n of rows.notifications) {
        const where = `${n.kind} ${n.createdAt.toISOString()}`;
        expect(n.createdAt.getTime(), where).toBeLessThanOrEqual(now.getTime());
        const sentAt = n.sentAt ? new Date(n.sentAt) : null;
        if (sentAt) expect(sentAt.getTime(), where).toBeLessThanOrEqual(now.getTime());
        if (!waitsForQuietHours(n.kind)) continue;
        expect(isInQuietHours(n.createdAt, quiet), where).toBe(false);
        if (sentAt) expect(isInQuietHours(sentAt, quiet), where).toBe(false);
      }
      for (const m of rows.inboundMessages) {
        const at = m.receivedAt as Date;
        const { hour } = getZonedParts(at, tz);
        expect(hour >= 8 && hour < 22, `text at ${hour}:00`).toBe(true);
        expect(at.getTime()).toBeLessThan(now.getTime());
        // Acted on already: the worker's sweep finds nothing to answer again after `npm start`.
        expect(m.processedAt).not.toBeNull();
      }
    },
  );

  it.each(MOMENTS.map((now) => [now.toISOString(), now] as const))(
    "%s: one coming appointment wants to reschedule, not the first the e2e spec picks",
    (_, now) => {
      const rows = build(now);
      const customer = new Map(rows.customers.map((c) => [c.id, c]));
      const until = endOfWindow(now, tz, 7);
      // The Appointments page's rows with a "Send reminder" button, in its order.
      const textable = rows.appointments
        .filter(
          (a) =>
            a.startsAt > now && a.startsAt < until && customer.get(a.customerId)?.smsConsent === "OPTED_IN",
        )
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : 1));
      const flagged = rows.appointments.filter((a) => a.rescheduleRequestedAt);
      expect(flagged).toHaveLength(1);
      const target = flagged[0]!;
      expect(textable.indexOf(target)).toBeGreaterThan(0);
      const requestedAt = target.rescheduleRequestedAt as Date;
      // R moves the customer's next appointment: nothing of theirs starts between the R and this one.
      const mine = rows.appointments.filter(
        (a) => a.customerId === target.customerId && a.startsAt > requestedAt,
      );
      expect(mine.every((a) => a.startsAt >= target.startsAt)).toBe(true);
      const r = rows.inboundMessages.find((m) => m.customerId === target.customerId && m.body === "R")!;
      expect(r).toMatchObject({ keyword: "RESCHEDULE", readAt: null, receivedAt: requestedAt });
      const reply = rows.notifications.find((n) => n.idempotencyKey === `inbound:${r.messageSid}:reply`);
      expect(reply).toMatchObject({
        kind: "APPOINTMENT_REPLY",
        customerId: target.customerId,
        body: `Luxe Hair Studio: ${RESCHEDULE_REPLY}`,
      });
      // The first row's customer has nothing unread, so the spec's R is the first text after "New".
      const first = textable[0]!;
      expect(rows.inboundMessages.filter((m) => m.customerId === first.customerId && !m.readAt)).toEqual([]);
    },
  );

  it.each(MOMENTS.map((now) => [now.toISOString(), now] as const))(
    "%s: calls earlier today once the salon has been open a while",
    (_, now) => {
      const rows = build(now);
      for (const call of rows.calls)
        expect((call.endedAt as Date).getTime()).toBeLessThanOrEqual(now.getTime());
      const today = rows.calls.filter(
        (c) => calendarDaysBetween(getZonedParts(now, tz), getZonedParts(c.startedAt, tz)) === 0,
      );
      const { weekday, minutesOfDay } = getZonedParts(now, tz);
      const openFor = weekday === 0 ? 0 : minutesOfDay - 9 * 60;
      if (openFor >= 20)
        expect(today.filter((c) => isOpenAt(DEMO_HOURS, tz, c.startedAt)).length).toBeGreaterThanOrEqual(1);
      if (openFor >= 4 * 60) expect(today.length).toBeGreaterThanOrEqual(3);
    },
  );
});
