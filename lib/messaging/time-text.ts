// How a text names an appointment's time: "today at 3:30 PM", "tomorrow at 10:00 AM", "on Friday,
// Dec 4 at 2:00 PM". Today and tomorrow are calendar days on the salon's clock, not 24-hour windows.
import { format } from "date-fns";
import { calendarDaysBetween, getZonedParts, inZone, type Instant } from "@/lib/time/zoned";

export function describeAppointmentTime(startsAt: Instant, now: Instant, timeZone: string): string {
  const start = inZone(startsAt, timeZone);
  const days = calendarDaysBetween(getZonedParts(now, timeZone), getZonedParts(startsAt, timeZone));
  const time = format(start, "h:mm a");
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  if (days === -1) return `yesterday at ${time}`;
  const sameYear = start.getFullYear() === inZone(now, timeZone).getFullYear();
  return `on ${format(start, sameYear ? "EEEE, MMM d" : "EEEE, MMM d, yyyy")} at ${time}`;
}
