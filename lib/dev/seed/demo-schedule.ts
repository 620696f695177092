// The demo salon's book, a week back and a week ahead: each stylist booked inside their own hours (around
// their breaks, never on a day off) with services they perform, fuller on Fridays and Saturdays, no
// stylist double-booked, each as long as its service, and nobody booked twice on one day. Past ones are
// COMPLETED; the rest are BOOKED until a customer's "C" confirms one (demo-conversations.ts).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BusinessHours } from "@/lib/salons/business-hours";
import { openHoursOn, periodsOn, wallTime, type DemoClock } from "@/lib/dev/seed/demo-clock";
import { between, shuffle, type Rand } from "@/lib/dev/seed/demo-random";

export type DemoService = {
  id: string;
  durationMinutes: number;
  /** How often it is booked, relatively. */ weight: number;
};

export type DemoAppointment = Prisma.AppointmentCreateManyInput & {
  id: string;
  customerId: string;
  employeeId: string;
  serviceId: string;
  startsAt: Date;
  endsAt: Date;
  /** When it was booked (and the automatic confirmation went out). */
  createdAt: Date;
};

export type DemoStylist = { id: string; hours: BusinessHours; services: DemoService[]; daysOff: number[] };

export type DemoScheduleInput = {
  salonId: string;
  clock: DemoClock;
  rand: Rand;
  /** Active stylists, their weeks, what they perform and their days off (0 = today). */
  stylists: DemoStylist[];
  customerIds: string[];
  /** Has a coming appointment whatever the dice say, so the demo shows reminders stopped by STOP. */
  optedOutCustomerId: string;
  id: () => string;
};

const PAST_DAYS = 7;
/** Today and the next six days: the Appointments page's window. */
const COMING_DAYS = 6;
const SLOT_MINUTES = 15;

/** How much of a stylist's day is booked, by weekday (0 = Sunday): Fridays and Saturdays fill up. */
const FILL = [0.4, 0.45, 0.45, 0.5, 0.55, 0.8, 0.9];

const roundUpToSlot = (minute: number) => Math.ceil(minute / SLOT_MINUTES) * SLOT_MINUTES;

function pickService(rand: Rand, services: DemoService[]): DemoService {
  const total = services.reduce((sum, s) => sum + s.weight, 0);
  let roll = rand() * total;
  return services.find((s) => (roll -= s.weight) < 0) ?? (services.at(-1) as DemoService);
}

/** One stylist's day: `count` services with the free time shared out randomly before, between and after them. */
function planStylist(
  rand: Rand,
  services: DemoService[],
  hours: { open: number; close: number },
  count: number,
) {
  const chosen: DemoService[] = [];
  for (let i = 0; i < count; i++) chosen.push(pickService(rand, services));
  // Rounding each start up to the quarter hour can cost a slot's worth per appointment.
  const room = () =>
    hours.close -
    hours.open -
    chosen.reduce((sum, s) => sum + s.durationMinutes, 0) -
    chosen.length * SLOT_MINUTES;
  while (chosen.length > 0 && room() < 0) chosen.pop();
  // A short wait before the first client (stylists start soon after opening), longer gaps later.
  const shares = Array.from({ length: chosen.length + 1 }, (_, i) => (i === 0 ? 0.3 * rand() : 0.2 + rand()));
  const total = shares.reduce((a, b) => a + b, 0);
  const slots: Array<{ service: DemoService; start: number }> = [];
  let cursor = hours.open;
  chosen.forEach((service, i) => {
    const start = roundUpToSlot(cursor + ((shares[i] ?? 0) / total) * room());
    slots.push({ service, start });
    cursor = start + service.durationMinutes;
  });
  return slots;
}

/** The customers least seen so far come first (ties in a fixed shuffled order); never someone already in today. */
function customerPicker(input: DemoScheduleInput) {
  const order = shuffle(input.rand, input.customerIds);
  const visits = new Map(order.map((id) => [id, 0]));
  return (today: Set<string>, preferred?: string): string => {
    const candidates = order.filter((id) => !today.has(id));
    const chosen =
      preferred && !today.has(preferred)
        ? preferred
        : candidates.reduce(
            (best, id) => ((visits.get(id) ?? 0) < (visits.get(best) ?? 0) ? id : best),
            candidates[0] as string,
          );
    visits.set(chosen, (visits.get(chosen) ?? 0) + 1);
    today.add(chosen);
    return chosen;
  };
}

/** A moment 1–14 days before `startsAt`, in open hours of a day before today, when the booking was made. */
function bookedAt(input: DemoScheduleInput, startDay: number): Date {
  let day = Math.min(startDay - between(input.rand, 1, 14), -1 - between(input.rand, 0, 4));
  for (let tries = 0; tries < 7; tries++, day--) {
    const hours = openHoursOn(input.clock, day);
    if (hours) return wallTime(input.clock, day, between(input.rand, hours.open + 10, hours.close - 10));
  }
  return wallTime(input.clock, day, 12 * 60);
}

export function buildDemoSchedule(input: DemoScheduleInput): DemoAppointment[] {
  const { clock, rand } = input;
  const nextCustomer = customerPicker(input);
  const appointments: DemoAppointment[] = [];
  let optedOutBooked = false;
  for (let day = -PAST_DAYS; day <= COMING_DAYS; day++) {
    if (!openHoursOn(clock, day)) continue;
    const slots = input.stylists
      .filter((stylist) => !stylist.daysOff.includes(day))
      .flatMap((stylist) => {
        const { weekday, periods } = periodsOn(clock, stylist.hours, day);
        const average = stylist.services.reduce((sum, s) => sum + s.durationMinutes, 0) / Math.max(stylist.services.length, 1);
        return periods.flatMap((period) => {
          const count = Math.max(0, Math.round(((FILL[weekday] ?? 0.5) * (period.close - period.open)) / (average + SLOT_MINUTES) + rand() - 0.5));
          return planStylist(rand, stylist.services, period, count).map((slot) => ({ ...slot, employeeId: stylist.id }));
        });
      })
      .sort((a, b) => a.start - b.start);
    const today = new Set<string>();
    for (const slot of slots) {
      const startsAt = wallTime(clock, day, slot.start);
      const endsAt = new Date(startsAt.getTime() + slot.service.durationMinutes * 60_000);
      // From tomorrow on (so it is surely still coming), the opted-out customer gets the first free slot.
      const wantOptedOut = day >= 1 && !optedOutBooked;
      const customerId = nextCustomer(today, wantOptedOut ? input.optedOutCustomerId : undefined);
      optedOutBooked ||= customerId === input.optedOutCustomerId && day >= 1;
      appointments.push({
        id: input.id(),
        salonId: input.salonId,
        customerId,
        employeeId: slot.employeeId,
        serviceId: slot.service.id,
        startsAt,
        endsAt,
        status: endsAt <= clock.now ? "COMPLETED" : "BOOKED",
        createdAt: bookedAt(input, day),
      });
    }
  }
  return appointments;
}
