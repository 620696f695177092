// How a text names an appointment's time: "today at 3:30 PM", "tomorrow at 10:00 AM", "on Friday,
// Dec 4 at 2:00 PM"; and how the pages say when a waiting text goes out. Today and tomorrow are
// calendar days on the salon's clock, not 24-hour windows.
// In Spanish: "hoy a las 3:30 p. m.", "mañana a las 10:00 a. m.", "el viernes 4 de dic a las 2:00 p. m.".
import { format } from "date-fns";
import { es } from "date-fns/locale";
import type { Language } from "@/lib/i18n/language";
import { calendarDaysBetween, getZonedParts, inZone, type Instant } from "@/lib/time/zoned";

function describeInSpanish(start: Date, days: number, sameYear: boolean): string {
  // "a la 1:00", "a las 2:00": the article agrees with the hour.
  const at = `${start.getHours() % 12 === 1 ? "a la" : "a las"} ${format(start, "h:mm a", { locale: es })}`;
  if (days === 0) return `hoy ${at}`;
  if (days === 1) return `mañana ${at}`;
  if (days === -1) return `ayer ${at}`;
  return `el ${format(start, sameYear ? "EEEE d 'de' MMM" : "EEEE d 'de' MMM 'de' yyyy", { locale: es })} ${at}`;
}

export function describeAppointmentTime(startsAt: Instant, now: Instant, timeZone: string, language: Language = "en"): string {
  const start = inZone(startsAt, timeZone);
  const days = calendarDaysBetween(getZonedParts(now, timeZone), getZonedParts(startsAt, timeZone));
  if (language === "es") return describeInSpanish(start, days, start.getFullYear() === inZone(now, timeZone).getFullYear());
  const time = format(start, "h:mm a");
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  if (days === -1) return `yesterday at ${time}`;
  const sameYear = start.getFullYear() === inZone(now, timeZone).getFullYear();
  return `on ${format(start, sameYear ? "EEEE, MMM d" : "EEEE, MMM d, yyyy")} at ${time}`;
}

/**
 * When a waiting text goes out, for the pages. "sentence", for a line of its own: "at 8:00 AM" (today),
 * "tomorrow at 8:00 AM", "on Friday, Dec 4 at 8:00 AM". "short", for a packed summary line: "8:00 AM",
 * "tomorrow 8:00 AM", "Fri 8:00 AM".
 */
export function describeSendTime(at: Instant, now: Instant, timeZone: string, form: "sentence" | "short"): string {
  const local = inZone(at, timeZone);
  const days = calendarDaysBetween(getZonedParts(now, timeZone), getZonedParts(at, timeZone));
  const time = format(local, "h:mm a");
  if (form === "sentence") return days === 0 ? `at ${time}` : describeAppointmentTime(at, now, timeZone);
  if (days === 0) return time;
  if (days === 1) return `tomorrow ${time}`;
  return format(local, "EEE h:mm a");
}
