// Words and colours shared by the dashboard's charts, their summaries and data tables. Client-safe.
import type { DashboardRange } from "@/lib/validations/dashboard";

export const RANGE_LABELS: Record<DashboardRange, string> = { today: "Today", "7d": "7 days", "30d": "30 days" };
/** "in the last 7 days", for headings and summaries. */
export const RANGE_PHRASES: Record<DashboardRange, string> = { today: "today", "7d": "in the last 7 days", "30d": "in the last 30 days" };

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "9 AM", "12 PM": an hour of the salon's day. */
export function hourLabel(hour: number): string {
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h} ${hour < 12 ? "AM" : "PM"}`;
}

/** "yyyy-MM-ddTHH:mm" (salon wall time, from SQL) as the axis writes it: "Mon 9" by day, "9 AM" by hour. */
export function bucketLabel(at: string, bucket: "hour" | "day"): string {
  const [year, month, day, hour] = [at.slice(0, 4), at.slice(5, 7), at.slice(8, 10), at.slice(11, 13)].map(Number) as [number, number, number, number];
  if (bucket === "hour") return hourLabel(hour);
  // A calendar date's weekday, computed in UTC so the server's own zone can't shift it.
  return `${WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]} ${day}`;
}

/** "Mon, Mar 9" or "9 AM": the longer form, for tooltips and data tables. */
export function bucketTitle(at: string, bucket: "hour" | "day"): string {
  const [year, month, day, hour] = [at.slice(0, 4), at.slice(5, 7), at.slice(8, 10), at.slice(11, 13)].map(Number) as [number, number, number, number];
  if (bucket === "hour") return `${hourLabel(hour)}–${hourLabel((hour + 1) % 24)}`;
  return `${WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]}, ${MONTHS[month - 1]} ${day}`;
}

export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
export const WEEKDAY_SHORT = WEEKDAYS;

// Each at least 4.5:1 on white (so also as text), told apart by hue and by the legend/table, not colour alone.
export const SERIES_COLOURS = {
  staff: "#1d4ed8", // blue-700
  bolt: "#0f766e", // teal-700
  voicemail: "#a16207", // yellow-700
  missed: "#b91c1c", // red-700
  inProgress: "#4b5563", // gray-600
  delivered: "#0f766e",
  failed: "#b91c1c",
  pending: "#4b5563",
  rate: "#1d4ed8",
  reason: "#6d28d9", // violet-700
} as const;

export const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
export const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);
