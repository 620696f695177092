// The list filters' date presets (Today, Yesterday, 7 days) as the whole-day `from`/`to` values the
// filters take, counted on the salon's calendar, not the viewer's. Client-safe; the clock is passed in.
import { addCalendarDays, getZonedParts, localDateKey as iso } from "@/lib/time/zoned";

export const DATE_PRESETS = [
  { id: "today", label: "Today" },
  { id: "yesterday", label: "Yesterday" },
  { id: "7d", label: "7 days" },
] as const;
type DatePreset = (typeof DATE_PRESETS)[number]["id"];

/** `{ from, to }` (YYYY-MM-DD, both inclusive) for `preset` on the salon's calendar at `now`. */
export function datePresetRange(
  preset: DatePreset,
  now: Date,
  timeZone: string,
): { from: string; to: string } {
  const today = getZonedParts(now, timeZone);
  switch (preset) {
    case "today":
      return { from: iso(today), to: iso(today) };
    case "yesterday": {
      const yesterday = iso(addCalendarDays(today, -1));
      return { from: yesterday, to: yesterday };
    }
    case "7d":
      return { from: iso(addCalendarDays(today, -6)), to: iso(today) };
  }
}
