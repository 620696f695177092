// Display formatting for the admin UI and texts, always in the salon's time zone (never the server's
// or the browser's). date-fns patterns rather than Intl date output: Intl's spacing before "PM" varies
// by ICU version (U+202F), which would break hydration and push texts into UCS-2. Client-safe.
import { format } from "date-fns";
import { calendarDaysBetween, getZonedParts, inZone, toTimestamp, type Instant } from "@/lib/time/zoned";

export type DateStyle = "short" | "medium" | "long";

const PLACEHOLDER = "—";

const DATE_PATTERNS: Record<DateStyle, string> = {
  short: "M/d/yy", // 11/25/26
  medium: "MMM d, yyyy", // Nov 25, 2026
  long: "EEEE, MMMM d, yyyy", // Wednesday, November 25, 2026
};
const DATE_TIME_PATTERNS: Record<DateStyle, string> = {
  short: "M/d/yy, h:mm a",
  medium: "MMM d, yyyy, h:mm a",
  long: "EEEE, MMMM d, yyyy 'at' h:mm a",
};

type MaybeInstant = Instant | null | undefined;

// Optional columns (answeredAt, sentAt…) render as a dash instead of throwing in a table cell.
function isBlank(instant: MaybeInstant): instant is null | undefined {
  if (instant === null || instant === undefined) return true;
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === "number" ? instant : Date.parse(instant);
  return !Number.isFinite(ms);
}

/** "Nov 25, 2026, 3:30 PM" (medium), "11/25/26, 3:30 PM" (short), "Wednesday, November 25, 2026 at 3:30 PM" (long). */
export function formatDateTime(instant: MaybeInstant, timeZone: string, style: DateStyle = "medium"): string {
  if (isBlank(instant)) return PLACEHOLDER;
  return format(inZone(instant, timeZone), DATE_TIME_PATTERNS[style]);
}

/** "Nov 25, 2026" (medium), "11/25/26" (short), "Wednesday, November 25, 2026" (long). */
export function formatDate(instant: MaybeInstant, timeZone: string, style: DateStyle = "medium"): string {
  if (isBlank(instant)) return PLACEHOLDER;
  return format(inZone(instant, timeZone), DATE_PATTERNS[style]);
}

/** "3:30 PM"; with `omitZeroMinutes`, "7 PM" on the hour (how hours are spoken and texted). */
export function formatTime(instant: MaybeInstant, timeZone: string, options: { omitZeroMinutes?: boolean } = {}): string {
  if (isBlank(instant)) return PLACEHOLDER;
  const local = inZone(instant, timeZone);
  return format(local, options.omitZeroMinutes && local.getMinutes() === 0 ? "h a" : "h:mm a");
}

/** Call lengths: "45s", "2m 05s", "1h 02m 05s"; a dash when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return PLACEHOLDER;
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Minor units to "$12.50" / "€12.50" / "¥1,200" (JPY has no minor unit, so 1200 means ¥1,200). */
export function formatMoney(cents: number, currency = "USD"): string {
  const code = currency.toUpperCase();
  let formatter = moneyFormats.get(code);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", { style: "currency", currency: code });
    moneyFormats.set(code, formatter);
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(cents / 10 ** digits);
}

const relative = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });

/**
 * "just now", "5 minutes ago", "in 2 hours", "last week". With `timeZone`, day-sized differences
 * count calendar days in the salon's zone, so "yesterday" means the salon's yesterday.
 */
export function formatRelative(instant: MaybeInstant, now: Instant = new Date(), timeZone?: string): string {
  if (isBlank(instant) || isBlank(now)) return PLACEHOLDER;
  const thenMs = toTimestamp(instant);
  const nowMs = toTimestamp(now);
  const seconds = (thenMs - nowMs) / 1000;
  const sign = seconds < 0 ? -1 : 1;
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  const minutes = Math.max(1, Math.round(abs / 60));
  if (minutes < 60) return relative.format(sign * minutes, "minute");
  const hours = Math.round(abs / 3600);
  if (hours < 24) return relative.format(sign * hours, "hour");
  const days = timeZone ? Math.abs(calendarDaysBetween(getZonedParts(nowMs, timeZone), getZonedParts(thenMs, timeZone))) : Math.round(abs / 86_400);
  if (days < 7) return relative.format(sign * Math.max(1, days), "day");
  if (days < 30) return relative.format(sign * Math.round(days / 7), "week");
  const months = Math.round(days / 30.44); // average month: a label, not a calendar
  if (months < 12) return relative.format(sign * Math.max(1, months), "month");
  return relative.format(sign * Math.round(days / 365.25), "year");
}
