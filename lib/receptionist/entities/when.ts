// The time an utterance names ("Saturday morning", "tomorrow", "el jueves a las 3"), resolved in the salon's
// zone. chrono-node reads the words into calendar fields relative to the salon's wall clock; the instants
// are built here with the zone's own rules, so a day is 23 or 25 hours long on a DST-change day.
import * as chrono from "chrono-node";
import type { Language } from "@/lib/i18n/language";
import type { WhenEntity } from "@/lib/receptionist/understanding";
import {
  addCalendarDays,
  calendarDaysBetween,
  getZonedParts,
  zonedWallTimeToInstant,
  type LocalDate,
} from "@/lib/time/zoned";

type PartOfDay = "morning" | "afternoon" | "evening";

/** A salon's day, split where callers split it; minutes after midnight, end exclusive. */
const PARTS_OF_DAY: Record<PartOfDay, [number, number]> = {
  morning: [8 * 60, 12 * 60],
  afternoon: [12 * 60, 17 * 60],
  evening: [17 * 60, 21 * 60],
};

const PART_OF_DAY_WORDS: Record<Language, Array<[RegExp, PartOfDay]>> = {
  en: [
    [/\b(?:morning|early)\b/i, "morning"],
    [/\b(?:afternoon|after lunch)\b/i, "afternoon"],
    [/\b(?:evening|tonight|after work|night)\b/i, "evening"],
  ],
  // "mañana" alone is "tomorrow"; the morning is "por/en/de la mañana" or "temprano".
  es: [
    [/\b(?:(?:por|en|de) la mañana|temprano|mañanita)\b/iu, "morning"],
    [/\b(?:por|en|de) la tarde\b|\btardecita\b/iu, "afternoon"],
    [/\b(?:por|en|de) la noche\b|\besta noche\b|\bnochecita\b/iu, "evening"],
  ],
};

const PARSERS: Record<Language, chrono.Chrono> = { en: chrono.en.casual, es: chrono.es.casual };

// Words chrono reads badly or not at all, rewritten before parsing.
const REWRITES: Record<Language, Array<[RegExp, string]>> = {
  en: [
    [/\b(\d{1,2}) ?o'?clock\b/gi, "$1:00"],
    [/\b(?:tmrw|tmr|tmw|tomoro|2moro)\b/gi, "tomorrow"],
    [/\bthe (\d{1,2})(?:st|nd|rd|th)\b/gi, "the $1th"],
  ],
  es: [
    [/\b(\d{1,2}) y media\b/gi, "$1:30"],
    [/\b(\d{1,2}) y cuarto\b/gi, "$1:15"],
    [/\b(\d{1,2}) menos cuarto\b/gi, "$1:-15"],
    [/\bmñn\b/gi, "mañana"],
    [/\bmedio ?d[ií]a\b/gi, "12:00"],
  ],
};

/** The salon's UTC offset at `now`, in minutes, as chrono wants it for its reference. */
function offsetMinutes(now: Date, timeZone: string): number {
  const p = getZonedParts(now, timeZone);
  return Math.round(
    (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(now.getTime() / 60_000) * 60_000) /
      60_000,
  );
}

function partOfDay(text: string, language: Language): PartOfDay | undefined {
  return PART_OF_DAY_WORDS[language].find(([pattern]) => pattern.test(text))?.[1];
}

/** "at 4" in a salon is 4 PM: an hour from 1 to 7 without am/pm is an afternoon hour. */
function salonHour(hour: number, meridiemKnown: boolean): number {
  return !meridiemKnown && hour >= 1 && hour <= 7 ? hour + 12 : hour;
}

function rewrite(text: string, language: Language): string {
  let out = text;
  for (const [pattern, words] of REWRITES[language]) out = out.replace(pattern, words);
  // "pasado mañana" (the day after tomorrow): chrono reads only "mañana".
  if (language === "es") out = out.replace(/\bpasado mañana\b/giu, "en 2 días");
  return out;
}

export function extractWhen(
  text: string,
  language: Language,
  timeZone: string,
  now: Date,
): WhenEntity | undefined {
  const source = rewrite(text, language);
  const results = PARSERS[language].parse(
    source,
    { instant: now, timezone: offsetMinutes(now, timeZone) },
    { forwardDate: true },
  );
  const result =
    results.find(
      (r) => r.start.isCertain("day") || r.start.isCertain("weekday") || r.start.isCertain("hour"),
    ) ?? results[0];
  if (!result) return undefined;
  const start = result.start;
  const today = getZonedParts(now, timeZone);
  const dateKnown = start.isCertain("day") || start.isCertain("weekday");
  let date: LocalDate = dateKnown
    ? {
        year: start.get("year") ?? today.year,
        month: start.get("month") ?? today.month,
        day: start.get("day") ?? today.day,
      }
    : today;
  // A weekday alone is the next one (chrono sometimes picks the last: "on Sunday" asked on a Monday).
  if (start.isCertain("weekday") && !start.isCertain("day") && calendarDaysBetween(today, date) < 0)
    date = addCalendarDays(date, 7);
  // "mañana por la tarde" comes back as two results; the words are the whole span they cover.
  const from = Math.min(...results.map((r) => r.index));
  const words = source.slice(from, Math.max(...results.map((r) => r.index + r.text.length)));

  if (start.isCertain("hour")) {
    const minutes =
      salonHour(start.get("hour") ?? 0, start.isCertain("meridiem")) * 60 + (start.get("minute") ?? 0);
    // A bare time ("at 4") is the next time the clock reads it: today if still ahead, else tomorrow.
    if (!dateKnown && minutes <= today.minutesOfDay) date = addCalendarDays(today, 1);
    const instant = zonedWallTimeToInstant(timeZone, date, minutes);
    return { text: words, start: instant, end: new Date(instant.getTime() + 60_000), precision: "time" };
  }
  const part = partOfDay(text, language);
  if (part) {
    const [opens, closes] = PARTS_OF_DAY[part];
    return {
      text: words,
      start: zonedWallTimeToInstant(timeZone, date, opens),
      end: zonedWallTimeToInstant(timeZone, date, closes),
      precision: "part-of-day",
    };
  }
  if (!dateKnown && !start.isCertain("month")) return undefined;
  return {
    text: words,
    start: zonedWallTimeToInstant(timeZone, date, 0),
    end: zonedWallTimeToInstant(timeZone, addCalendarDays(date, 1), 0),
    precision: "day",
  };
}
