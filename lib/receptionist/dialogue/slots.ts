// The up-to-three free slots the dialogue offers, from THE availability function: inside the time asked
// for (a day, a part of one, or near a time), spread out rather than three quarter-hours in a row; when
// nothing fits there, the nearest ones after it.
import { findFreeSlots } from "@/lib/availability/find-free-slots";
import type { OfferedSlot, StoredWhen } from "@/lib/receptionist/dialogue/state";

const MAX_OFFERED = 3;
const DAY_MS = 24 * 60 * 60_000;
/** Without a day asked for, the coming week; nothing in it → the nearest in the two weeks after. */
const DEFAULT_WINDOW_MS = 7 * DAY_MS;
const NEAREST_WINDOW_MS = 14 * DAY_MS;
/** Offered times at least this far apart, so three choices are three different moments of the day. */
const SPREAD_MS = 60 * 60_000;

export type SlotSearch = {
  salonId: string;
  serviceId: string;
  /** null or absent: anyone who performs the service. */
  employeeId?: string | null;
  when?: StoredWhen;
  now: Date;
  /** The appointment being moved: its own time does not block it. */
  ignoreAppointmentId?: string;
};

type Found = { startsAt: Date; employeeId: string; employeeName: string };

/** Up to three, spread at least an hour apart (one stylist per moment), in time order. */
function spreadSlots(found: Found[], near?: Date): OfferedSlot[] {
  const order = near ? [...found].sort((a, b) => Math.abs(a.startsAt.getTime() - near.getTime()) - Math.abs(b.startsAt.getTime() - near.getTime())) : found;
  const chosen: Found[] = [];
  for (const slot of order) {
    if (chosen.length === MAX_OFFERED) break;
    if (chosen.every((c) => Math.abs(c.startsAt.getTime() - slot.startsAt.getTime()) >= SPREAD_MS)) chosen.push(slot);
  }
  return chosen
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((s) => ({ startsAt: s.startsAt.toISOString(), employeeId: s.employeeId, stylist: s.employeeName }));
}

async function search(input: SlotSearch, from: Date, to: Date): Promise<Found[]> {
  if (to <= from) return [];
  const { slots } = await findFreeSlots(input.salonId, {
    serviceId: input.serviceId,
    employeeId: input.employeeId ?? undefined,
    from,
    to,
    now: input.now,
    ignoreAppointmentId: input.ignoreAppointmentId,
  });
  return slots;
}

/** The slots to offer; `nearest` when none fit the time asked for and these are the closest after it. */
export async function findSlotsToOffer(input: SlotSearch): Promise<{ slots: OfferedSlot[]; nearest: boolean }> {
  const { when, now } = input;
  const from = new Date(Math.max(now.getTime(), when ? new Date(when.start).getTime() : now.getTime()));
  if (when?.precision === "time") {
    // Near a time: that whole day, closest first.
    const at = new Date(when.start);
    const dayStart = new Date(Math.max(now.getTime(), at.getTime() - 12 * 60 * 60_000));
    const found = await search(input, dayStart, new Date(at.getTime() + 12 * 60 * 60_000));
    const exact = found.some((f) => f.startsAt.getTime() === at.getTime());
    if (found.length > 0) return { slots: spreadSlots(found, at), nearest: !exact };
  } else {
    const to = when ? new Date(when.end) : new Date(now.getTime() + DEFAULT_WINDOW_MS);
    const found = await search(input, from, to);
    if (found.length > 0) return { slots: spreadSlots(found), nearest: false };
  }
  const after = when ? new Date(Math.max(now.getTime(), new Date(when.end).getTime())) : new Date(now.getTime() + DEFAULT_WINDOW_MS);
  const later = await search(input, after, new Date(after.getTime() + NEAREST_WINDOW_MS));
  return { slots: spreadSlots(later.slice(0, 40)), nearest: later.length > 0 };
}
