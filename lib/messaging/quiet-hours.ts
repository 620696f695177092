// Quiet hours: the nightly window (Salon.quietHoursStart/End, "HH:mm" in the salon's zone) in which
// automatic texts wait until morning, and which kinds wait. Checked on the salon's wall clock, so DST
// days just work.
import type { NotificationKind } from "@/lib/generated/prisma/client";
import {
  addCalendarDays,
  getZonedParts,
  parseTimeOfDay,
  toTimestamp,
  zonedWallTimeToInstant,
  type Instant,
} from "@/lib/time/zoned";

/** A salon's clock and quiet hours: a Salon row (or a select of it) works as is. */
export type SalonQuietHours = { timeZone: string; quietHoursStart: string; quietHoursEnd: string };

export type QuietHoursSettings =
  | {
      timeZone: string;
      /** "21:00": quiet from this wall-clock time… */
      start: string;
      /** "08:00": …until this one (exclusive), which may be on the next day. Equal to start: no quiet hours. */
      end: string;
    }
  | SalonQuietHours;

/**
 * Replies to something the customer did a moment ago go out at once even at night: a keyword (STOP
 * must be confirmed), the answer to their C or R, a text, and the booking text a caller was just told
 * "I've sent you". Quiet hours protect people from unprompted texts, and a missed-call text-back is
 * one: it waits for the morning.
 */
const ANSWERS_TO_THE_CUSTOMER: NotificationKind[] = ["KEYWORD_REPLY", "APPOINTMENT_REPLY", "AUTO_REPLY", "BOOKING_INFO"];

/** Whether delivery holds a text of this kind during quiet hours (a member's alert keeps their own, lib/alerts/). */
export function waitsForQuietHours(kind: NotificationKind): boolean {
  return kind !== "MEMBER_ALERT" && !ANSWERS_TO_THE_CUSTOMER.includes(kind);
}

function readWindow(settings: QuietHoursSettings): { start: number; end: number } {
  const [startText, endText] = "start" in settings ? [settings.start, settings.end] : [settings.quietHoursStart, settings.quietHoursEnd];
  const start = parseTimeOfDay(startText);
  const end = parseTimeOfDay(endText);
  // Salon settings are validated on save; a bad value here is a bug worth surfacing.
  if (start === null || end === null) {
    throw new RangeError(`Invalid quiet hours: ${JSON.stringify(startText)}–${JSON.stringify(endText)}`);
  }
  return { start, end };
}

function isQuietAt(minutesOfDay: number, start: number, end: number): boolean {
  if (start === end) return false;
  // 21:00–08:00 wraps midnight: quiet late in the evening or early in the morning.
  return start < end ? minutesOfDay >= start && minutesOfDay < end : minutesOfDay >= start || minutesOfDay < end;
}

export function isInQuietHours(instant: Instant, settings: QuietHoursSettings): boolean {
  const { start, end } = readWindow(settings);
  return isQuietAt(getZonedParts(instant, settings.timeZone).minutesOfDay, start, end);
}

/**
 * When a text may go out: `instant` itself outside quiet hours, else the end of the window (08:00
 * the same or next morning, salon time). On a spring-forward day whose end time doesn't exist, it
 * is the moment the clocks jump.
 */
export function nextSendableTime(instant: Instant, settings: QuietHoursSettings): Date {
  const { start, end } = readWindow(settings);
  const local = getZonedParts(instant, settings.timeZone);
  if (!isQuietAt(local.minutesOfDay, start, end)) return new Date(toTimestamp(instant));
  // Past the start of a wrapping window, the window ends tomorrow morning; otherwise later today.
  const endsTomorrow = start > end && local.minutesOfDay >= start;
  const date = endsTomorrow ? addCalendarDays(local, 1) : local;
  return zonedWallTimeToInstant(settings.timeZone, date, end);
}
