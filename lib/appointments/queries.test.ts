// The dashboard's "Coming up" list: in progress and future, active only, soonest first, one salon only.
import { describe, expect, it } from "vitest";
import { listUpcomingAppointments } from "@/lib/appointments/queries";
import { createAppointment, createSalon } from "@/lib/testing/factories";

const HOUR = 3_600_000;
const NOW = new Date("2026-03-02T17:00:00Z");
const at = (hoursFromNow: number) => new Date(NOW.getTime() + hoursFromNow * HOUR);

describe("listUpcomingAppointments", () => {
  it("lists the one in progress and future bookings, soonest first, skipping past and cancelled", async () => {
    const salon = await createSalon();
    const later = await createAppointment(salon.id, { startsAt: at(5), endsAt: at(6), status: "CONFIRMED" });
    const inProgress = await createAppointment(salon.id, { startsAt: at(-0.5), endsAt: at(0.5) });
    const soon = await createAppointment(salon.id, { startsAt: at(1), endsAt: at(2) });
    await createAppointment(salon.id, { startsAt: at(-3), endsAt: at(-2) });
    await createAppointment(salon.id, { startsAt: at(3), endsAt: at(4), status: "CANCELLED" });

    const rows = await listUpcomingAppointments(salon.id, { now: NOW });

    expect(rows.map((r) => r.id)).toEqual([inProgress.id, soon.id, later.id]);
    expect(rows[0]?.customer.phone).toMatch(/^\+/);
  });

  it("carries the customer's reschedule request, for the dashboard's flag", async () => {
    const salon = await createSalon();
    const requestedAt = new Date(NOW.getTime() - 600_000);
    const asked = await createAppointment(salon.id, { startsAt: at(1), endsAt: at(2), rescheduleRequestedAt: requestedAt });
    const other = await createAppointment(salon.id, { startsAt: at(3), endsAt: at(4) });
    const rows = await listUpcomingAppointments(salon.id, { now: NOW });
    expect(rows.map((r) => [r.id, r.rescheduleRequestedAt])).toEqual([
      [asked.id, requestedAt],
      [other.id, null],
    ]);
  });

  it("stops at the limit", async () => {
    const salon = await createSalon();
    for (let i = 1; i <= 4; i++) await createAppointment(salon.id, { startsAt: at(i), endsAt: at(i + 0.5) });
    expect(await listUpcomingAppointments(salon.id, { now: NOW, limit: 2 })).toHaveLength(2);
  });

  it("never shows another salon's appointments", async () => {
    const [a, b] = await Promise.all([createSalon(), createSalon()]);
    const mine = await createAppointment(a.id, { startsAt: at(1), endsAt: at(2) });
    await createAppointment(b.id, { startsAt: at(1), endsAt: at(2) });

    const rows = await listUpcomingAppointments(a.id, { now: NOW });

    expect(rows.map((r) => r.id)).toEqual([mine.id]);
  });
});
