// Which of the numbered choices an answer picks: "2", "the first one", "la segunda", "2:30", "Maria's",
// or the keypad's digit. Null when it picks none of them (the dialogue asks again or moves on).
import type { Understanding } from "@/lib/receptionist/understanding";
import { getZonedParts } from "@/lib/time/zoned";

const ORDINALS: Array<[RegExp, number]> = [
  [/\b(first|1st|one|primer[oa]?|uno|una)\b/, 0],
  [/\b(second|2nd|two|segund[oa]|dos)\b/, 1],
  [/\b(third|3rd|three|tercer[oa]?|tres)\b/, 2],
  [/\b(fourth|4th|four|cuart[oa]|cuatro)\b/, 3],
];

/** A bare number (text "2", "#2", "2." or the keypad), 1-based, or an ordinal word, 0-based index. */
export function pickNumber(text: string, count: number): number | null {
  const t = text.trim().toLowerCase();
  const digit = /^#?\s*(\d)\s*[.!)]?$/.exec(t);
  if (digit) {
    const n = Number(digit[1]) - 1;
    return n >= 0 && n < count ? n : null;
  }
  if (/\d/.test(t)) return null;
  for (const [re, index] of ORDINALS) if (re.test(t) && index < count) return index;
  if (/\b(last|[uú]ltim[oa])\b/.test(t)) return count - 1;
  return null;
}

/** "2:30", "2:30 pm", "11", "at 9:30" → a slot starting at that clock time in the salon's zone. */
function pickByClock(text: string, slots: Array<{ startsAt: string }>, timeZone: string): number | null {
  const m = /\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?!\d)/i.exec(text);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  const meridiem = m[3]?.toLowerCase().startsWith("p") ? "pm" : m[3] ? "am" : null;
  const matches = slots.findIndex((slot) => {
    const parts = getZonedParts(slot.startsAt, timeZone);
    if (parts.minute !== minute) return false;
    if (meridiem === "pm") return parts.hour === (hour % 12) + 12;
    if (meridiem === "am") return parts.hour === hour % 12;
    return parts.hour === hour || parts.hour % 12 === hour % 12;
  });
  return matches >= 0 ? matches : null;
}

/** The slot an answer picks, by number, clock time or stylist. */
export function pickSlot(
  text: string,
  understanding: Understanding | null,
  slots: Array<{ startsAt: string; employeeId: string; stylist: string }>,
  timeZone: string,
): number | null {
  const byNumber = pickNumber(text, slots.length);
  if (byNumber !== null) return byNumber;
  const byClock = pickByClock(text, slots, timeZone);
  if (byClock !== null) return byClock;
  const stylist = understanding?.entities.stylist;
  if (stylist && "id" in stylist) {
    const i = slots.findIndex((s) => s.employeeId === stylist.id);
    if (i >= 0) return i;
  }
  const lower = text.toLowerCase();
  const i = slots.findIndex((s) => s.stylist && lower.includes(s.stylist.toLowerCase().split(" ")[0]!));
  return i >= 0 ? i : null;
}
