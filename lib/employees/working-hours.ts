// An employee's weekly hours must sit inside the salon's opening hours; this says, day by day and in
// the owner's words, where they don't ("Tuesday 8 AM is before the salon opens at 9 AM."). No db, no
// node imports: the Staff form runs it too.
import { DAY_KEYS, DAY_NAMES, dayMinutes, formatTimeOfDay, type BusinessHours, type DayKey } from "@/lib/salons/business-hours";

type Minutes = { start: number; end: number };
const toMinutes = (p: { open: string; close: string }): Minutes => ({ start: dayMinutes(p.open) ?? 0, end: dayMinutes(p.close) ?? 0 });
const clock = (minutes: number) => formatTimeOfDay(minutes === 1440 ? "24:00" : `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`);

/** The parts of `span` no salon period covers. */
function uncovered(span: Minutes, salon: Minutes[]): Minutes[] {
  const out: Minutes[] = [];
  let start = span.start;
  for (const open of salon) {
    if (open.end <= start) continue;
    if (open.start >= span.end) break;
    if (open.start > start) out.push({ start, end: open.start });
    start = Math.max(start, open.end);
  }
  if (start < span.end) out.push({ start, end: span.end });
  return out;
}

function describeGap(day: DayKey, gap: Minutes, salon: Minutes[]): string {
  const name = DAY_NAMES[day];
  const first = salon[0];
  const last = salon.at(-1);
  if (!first || !last) return `The salon is closed on ${name}.`;
  if (gap.end <= first.start) return `${name} ${clock(gap.start)} is before the salon opens at ${clock(first.start)}.`;
  if (gap.start >= last.end) return `${name} ${clock(gap.end)} is after the salon closes at ${clock(last.end)}.`;
  return `${name} ${clock(gap.start)} to ${clock(gap.end)} is outside the salon's opening hours.`;
}

/** `{ tue: "Tuesday 8 AM is before the salon opens at 9 AM." }`: one message per day whose hours stray. */
export function hoursOutsideSalon(employee: BusinessHours, salon: BusinessHours): Partial<Record<DayKey, string>> {
  const problems: Partial<Record<DayKey, string>> = {};
  for (const day of DAY_KEYS) {
    const open = salon[day].map(toMinutes);
    const gap = employee[day].map(toMinutes).flatMap((span) => uncovered(span, open))[0];
    if (gap) problems[day] = describeGap(day, gap, open);
  }
  return problems;
}

const SHORT: Record<DayKey, string> = { sun: "Sun", mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat" };
const MONDAY_FIRST: DayKey[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** The week in a line for lists: "Tue–Fri 9 AM–6 PM · Sat 9 AM–1 PM, 2 PM–5 PM"; "No hours set" when none. */
export function describeWorkingWeek(hours: BusinessHours): string {
  const groups: Array<{ days: DayKey[]; text: string }> = [];
  for (const day of MONDAY_FIRST) {
    const text = hours[day].map((p) => `${formatTimeOfDay(p.open)}–${formatTimeOfDay(p.close)}`).join(", ");
    const last = groups.at(-1);
    if (last && last.text === text) last.days.push(day);
    else groups.push({ days: [day], text });
  }
  const worked = groups.filter((g) => g.text);
  if (!worked.length) return "No hours set";
  return worked
    .map(({ days, text }) => `${SHORT[days[0]!]}${days.length > 1 ? `–${SHORT[days.at(-1)!]}` : ""} ${text}`)
    .join(" · ");
}
