// The time an utterance names ("Saturday morning", "tomorrow", "el jueves a las 3"), resolved in the salon's
// zone. chrono-node reads the words into calendar fields relative to the salon's wall clock; the instants
// are built here with the zone's own rules, so a day is 23 or 25 hours long on a DST-change day.
import * as chrono from "chrono-node";
import type { Language } from "@/lib/i18n/language";
import type { WhenEntity } from "@/lib/receptionist/understanding";
import { daySpan, rewriteTimeWords, type Substitution } from "./when-words";
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
    [/\b(?:por|en|de|esta) la tarde\b|\besta tarde\b|\btardecita\b/iu, "afternoon"],
    [/\b(?:por|en|de) la noche\b|\besta noche\b|\bnochecita\b/iu, "evening"],
  ],
};

const PARSERS: Record<Language, chrono.Chrono> = { en: chrono.en.casual, es: chrono.es.casual };

// The words of a part of the day, quoted as the entity's text.
const PART_WORDS: Record<Language, RegExp> = {
  en: /\b(?:(?:the|a) )?(?:morning|afternoon|evening|night)\b/i,
  es: /\b(?:(?:por|en|de) la )?(?:mañana|tarde|noche)\b/iu,
};

// Today's part of the day, named alone.
const TODAY_PART: Record<Language, RegExp> = {
  en: /\b(?:this (?:morning|afternoon|evening)|tonight)\b/i,
  es: /\besta (?:mañana|tarde|noche)\b/iu,
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

/** The caller's own words back in place of the rewrites ("Christmas Eve", not "december 24 2026"). */
function said(words: string, subs: Substitution[]): string {
  return subs.reduce((out, { said: original, written }) => out.replace(written, original), words);
}

export function extractWhen(
  text: string,
  language: Language,
  timeZone: string,
  now: Date,
): WhenEntity | undefined {
  const today = getZonedParts(now, timeZone);
  const subs: Substitution[] = [];
  const source = rewriteTimeWords(text, language, today, subs);
  const results = PARSERS[language].parse(
    source,
    { instant: now, timezone: offsetMinutes(now, timeZone) },
    { forwardDate: true },
  );
  const dated = results.find(
    (r) => r.start.isCertain("day") || r.start.isCertain("weekday") || r.start.isCertain("hour"),
  );
  const span = daySpan(source, language, today);
  const start = dated?.start;
  // "this weekend", "next week": chrono reads one day of it at best; the span is what was meant.
  if (
    span &&
    !start?.isCertain("hour") &&
    !(start?.isCertain("day") && !dated?.text.match(/week|fin|semana|month|mes/i))
  ) {
    return {
      text: said(span.text, subs),
      start: zonedWallTimeToInstant(timeZone, span.first, 0),
      end: zonedWallTimeToInstant(timeZone, addCalendarDays(span.first, span.days), 0),
      precision: "day",
    };
  }
  const result = dated ?? results[0];
  const part = partOfDay(source, language);
  if (!result || !start) {
    // "esta tarde", "this evening" with nothing else: today's.
    if (!part) return undefined;
    const todays = TODAY_PART[language].exec(source);
    if (todays) return window(said(todays[0], subs), today, part, timeZone);
    // "in the morning" with no day: the next one, today's while it lasts.
    const date = today.minutesOfDay < PARTS_OF_DAY[part][1] ? today : addCalendarDays(today, 1);
    return window(PART_WORDS[language].exec(source)?.[0] ?? part, date, part, timeZone);
  }
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
  const words = said(source.slice(from, Math.max(...results.map((r) => r.index + r.text.length))), subs);

  if (start.isCertain("hour")) {
    const minutes =
      salonHour(start.get("hour") ?? 0, start.isCertain("meridiem")) * 60 + (start.get("minute") ?? 0);
    // A bare time ("at 4") is the next time the clock reads it: today if still ahead, else tomorrow.
    if (!dateKnown && minutes <= today.minutesOfDay) date = addCalendarDays(today, 1);
    const instant = zonedWallTimeToInstant(timeZone, date, minutes);
    return { text: words, start: instant, end: new Date(instant.getTime() + 60_000), precision: "time" };
  }
  if (part) return window(words, date, part, timeZone);
  if (!dateKnown) return undefined;
  return {
    text: words,
    start: zonedWallTimeToInstant(timeZone, date, 0),
    end: zonedWallTimeToInstant(timeZone, addCalendarDays(date, 1), 0),
    precision: "day",
  };
}

function window(text: string, date: LocalDate, part: PartOfDay, timeZone: string): WhenEntity {
  const [opens, closes] = PARTS_OF_DAY[part];
  return {
    text,
    start: zonedWallTimeToInstant(timeZone, date, opens),
    end: zonedWallTimeToInstant(timeZone, date, closes),
    precision: "part-of-day",
  };
}
