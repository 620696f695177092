// Whole days off, first to last inclusive, as the instants they span in the salon's time zone (from the
// first day's midnight to the midnight after the last: 23 or 25 hours on a DST change day, as it should).
import { addCalendarDays, zonedWallTimeToInstant, type LocalDate } from "@/lib/time/zoned";

const toLocalDate = (iso: string): LocalDate => {
  const [year, month, day] = iso.split("-").map(Number);
  return { year: year!, month: month!, day: day! };
};

export function wholeDaysInZone(first: string, last: string, timeZone: string): { startsAt: Date; endsAt: Date } {
  return {
    startsAt: zonedWallTimeToInstant(timeZone, toLocalDate(first), 0),
    endsAt: zonedWallTimeToInstant(timeZone, addCalendarDays(toLocalDate(last), 1), 0),
  };
}
