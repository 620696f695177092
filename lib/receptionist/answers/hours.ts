// The answer to an hours question, saying exactly what was asked: a day ("Yes, we're open Sunday from
// 10 to 4."), a time on a day, today, or — with no day named — today's status and the whole week.
// Closures and holiday hours replace a date's weekly hours. Pure: the clock and the rows are passed in;
// every date is the salon's local date, so DST change days need nothing special.
import type { Language } from "@/lib/i18n/language";
import type { Channel, WhenEntity } from "@/lib/receptionist/understanding";
import {
  businessHoursSchema,
  configuredBusinessHours,
  describeOpenStatus,
  parseBusinessHours,
  periodsOn,
  speakWeeklyHours,
  type BusinessHours,
  type Period,
} from "@/lib/salons/business-hours";
import { clockTime, dateName, endSentence, joinList, periodsPhrase, timeWithArticle, WEEKDAY_NAMES } from "@/lib/salons/business-hours-wording";
import { indexSpecialDays, specialDayOn, type SpecialDay, type SpecialDayIndex } from "@/lib/salons/special-days";
import { addCalendarDays, calendarDaysBetween, getZonedParts, parseLocalDateKey, weekdayOf, type LocalDate } from "@/lib/time/zoned";

export type HoursQuestion = {
  salon: { businessHours: unknown; timeZone: string };
  specialDays?: readonly SpecialDay[];
  now: Date;
  /** The day or time asked about (the Understanding's `when`, or a local date); none: today's status and the week. */
  when?: WhenEntity | LocalDate;
  language?: Language;
  channel?: Channel;
};

/** How far ahead a general answer mentions closures and holiday hours. */
const UPCOMING_DAYS = 14;
const MAX_UPCOMING = 3;
/** How far "We're open again …" looks past a closed day. */
const REOPEN_LOOKAHEAD_DAYS = 60;

const NO_HOURS = {
  en: "Sorry, I don't have our opening hours on file yet. You can text this number or leave a message, and we'll get back to you.",
  es: "Lo siento, todavía no tengo nuestro horario. Puede enviarnos un mensaje de texto a este número o dejar un mensaje, y le responderemos.",
};
const CLOSED_FOR_NOW = {
  en: "We're closed at the moment, and we don't have opening hours set for the coming days. You can text this number or leave a message, and we'll get back to you.",
  es: "Por ahora estamos cerrados y no tenemos horario para los próximos días. Puede enviarnos un mensaje de texto a este número o dejar un mensaje, y le responderemos.",
};

type Ctx = { hours: BusinessHours; specials: SpecialDayIndex; timeZone: string; now: Date; today: LocalDate; language: Language; channel: Channel };

const isWhen = (when: WhenEntity | LocalDate): when is WhenEntity => "start" in when;

export function answerHours(question: HoursQuestion): string {
  return endSentence(answerHoursOnce(question));
}

function answerHoursOnce(question: HoursQuestion): string {
  const { salon, now, when, language = "en", channel = "speech" } = question;
  const specials = indexSpecialDays(question.specialDays);
  const weekly = configuredBusinessHours(salon.businessHours);
  if (!weekly && specials.size === 0) {
    // Hours the owner saved with every day closed (a break, a move) are said as closed, not as unknown.
    const savedClosed = parseBusinessHours(salon.businessHours) && typeof salon.businessHours === "object" && Object.keys(salon.businessHours ?? {}).length > 0;
    return (savedClosed ? CLOSED_FOR_NOW : NO_HOURS)[language];
  }
  const hours = weekly ?? businessHoursSchema.parse({});
  const ctx: Ctx = { hours, specials, timeZone: salon.timeZone, now, today: getZonedParts(now, salon.timeZone), language, channel };
  if (!when) return generalAnswer(ctx);
  const date = isWhen(when) ? getZonedParts(when.start, salon.timeZone) : when;
  const periods = periodsOn(hours, salon.timeZone, date, specials);
  if (periods.length === 0) return closedDayAnswer(ctx, date);
  if (isWhen(when) && when.precision !== "day") return partOfDayAnswer(ctx, date, periods, when);
  if (calendarDaysBetween(ctx.today, date) === 0) return todayAnswer(ctx, periods);
  return openDayAnswer(ctx, date, periods);
}

/** Today's status, the week, and the closures or holiday hours coming up in the next two weeks. */
function generalAnswer(ctx: Ctx): string {
  const { hours, specials, timeZone, now, language, channel } = ctx;
  const status = describeOpenStatus(hours, timeZone, now, { specialDays: specials, language, channel });
  const upcoming = [...specials.values()]
    .map((day) => ({ day, date: parseLocalDateKey(day.date) }))
    .map((d) => ({ ...d, offset: calendarDaysBetween(ctx.today, d.date) }))
    .filter((d) => d.offset > 0 && d.offset <= UPCOMING_DAYS)
    .sort((a, b) => a.offset - b.offset)
    .slice(0, MAX_UPCOMING)
    .map(({ day, date }) => {
      const label = day.label ? ` (${day.label})` : "";
      const on = onDate(ctx, date, true);
      if (day.periods.length === 0) return language === "es" ? `cerramos ${on}${label}` : `we're closed ${on}${label}`;
      const open = phrase(ctx, periodsOn(hours, timeZone, date, specials));
      return language === "es" ? `abrimos ${on} ${open}${label}` : `we're open ${on} ${open}${label}`;
    });
  const note = upcoming.length ? ` ${language === "es" ? "Tenga en cuenta que" : "Please note"} ${joinList(upcoming, language)}.` : "";
  return `${status} ${speakWeeklyHours(hours, language, channel)}${note}`;
}

function closedDayAnswer(ctx: Ctx, date: LocalDate): string {
  const { language } = ctx;
  const special = specialDayOn(ctx.specials, date);
  const on = onDate(ctx, date, Boolean(special));
  const why = special?.label ? (language === "es" ? ` por ${special.label}` : ` for ${special.label}`) : "";
  // A plain closed weekday answers the yes/no question; a closure the owner named says why.
  const closed =
    language === "es"
      ? `${special ? "" : "No, "}${on} cerramos${why}.`
      : `${special ? "We're" : "No, we're"} closed ${on}${why}.`;
  return `${special ? capitalize(closed) : closed}${reopening(ctx, date)}`;
}

/** " We're open again Monday from 9 to 7." — the next day with opening hours after `date`. */
function reopening(ctx: Ctx, date: LocalDate): string {
  for (let offset = 1; offset <= REOPEN_LOOKAHEAD_DAYS; offset++) {
    const next = addCalendarDays(date, offset);
    const periods = periodsOn(ctx.hours, ctx.timeZone, next, ctx.specials);
    if (periods.length === 0) continue;
    const day = dayReference(ctx, next, Boolean(specialDayOn(ctx.specials, next)));
    return ctx.language === "es" ? ` Volvemos a abrir ${day} ${phrase(ctx, periods)}.` : ` We're open again ${day} ${phrase(ctx, periods)}.`;
  }
  return "";
}

function todayAnswer(ctx: Ctx, periods: Period[]): string {
  const { now, language } = ctx;
  const left = periods.filter((p) => p.closesAt > now);
  if (left.length === 0) {
    const closed = language === "es" ? "Hoy ya cerramos." : "We're closed for the rest of today.";
    return `${closed}${reopening(ctx, ctx.today)}`;
  }
  const current = left[0];
  if (current && current.opensAt <= now) {
    const until = minutesOf(ctx, current.closesAt);
    return language === "es"
      ? `Sí, hoy estamos abiertos hasta ${timeWithArticle(until, "es", ctx.channel)}.`
      : `Yes, we're open today until ${clockTime(until, "en")}.`;
  }
  return language === "es" ? `Sí, hoy abrimos ${phrase(ctx, left)}.` : `Yes, we're open today ${phrase(ctx, left)}.`;
}

function openDayAnswer(ctx: Ctx, date: LocalDate, periods: Period[]): string {
  const special = specialDayOn(ctx.specials, date);
  const open = phrase(ctx, periods);
  const label = special?.label;
  if (ctx.language === "es") {
    return `Sí, abrimos ${onDate(ctx, date, Boolean(special))} ${open}${label ? `, nuestro horario de ${label}` : ""}.`;
  }
  return `Yes, we're open ${dayReference(ctx, date, Boolean(special))} ${open}${label ? `, our hours for ${label}` : ""}.`;
}

/** A time or part of a day: yes when the salon is open during it, and the day's hours either way. */
function partOfDayAnswer(ctx: Ctx, date: LocalDate, periods: Period[], when: WhenEntity): string {
  const open = periods.some((p) => p.opensAt < when.end && when.start < p.closesAt);
  const day = capitalize(onDate(ctx, date, Boolean(specialDayOn(ctx.specials, date))).replace(/^on /, ""));
  const hoursThatDay = phrase(ctx, periods);
  if (ctx.language === "es") {
    return `${open ? "Sí, a esa hora estamos abiertos." : "No, a esa hora estamos cerrados."} ${day} abrimos ${hoursThatDay}.`;
  }
  return `${open ? "Yes, we're open then." : "No, we're not open then."} ${day} we're open ${hoursThatDay}.`;
}

function minutesOf(ctx: Ctx, at: Date): number {
  return getZonedParts(at, ctx.timeZone).minutesOfDay;
}

/** "from 10 to 4" / "de 10 a 4": a day's periods as wall-clock times (a close at midnight stays midnight). */
function phrase(ctx: Ctx, periods: Period[]): string {
  const spans = periods.map((p) => ({ open: minutesOf(ctx, p.opensAt), close: minutesOf(ctx, p.closesAt) || 24 * 60 }));
  return periodsPhrase(spans, ctx.language, ctx.channel);
}

/**
 * "today", "tomorrow", "Sunday" (this week), "Thursday, December 24" (further, or a special day);
 * Spanish "hoy", "mañana", "el domingo", "el jueves 24 de diciembre".
 */
function dayReference(ctx: Ctx, date: LocalDate, withDate: boolean): string {
  const days = calendarDaysBetween(ctx.today, date);
  const es = ctx.language === "es";
  if (days === 0) return es ? "hoy" : "today";
  if (days === 1) return es ? "mañana" : "tomorrow";
  if (!withDate && days > 1 && days < 7) return es ? `el ${WEEKDAY_NAMES.es[weekdayOf(date)]}` : (WEEKDAY_NAMES.en[weekdayOf(date)] ?? "");
  return es ? `el ${dateName(date, "es")}` : dateName(date, "en");
}

/** "on Sunday" / "today" (English drops "on" before today and tomorrow); Spanish needs no preposition. */
function onDate(ctx: Ctx, date: LocalDate, withDate: boolean): string {
  const day = dayReference(ctx, date, withDate);
  if (ctx.language === "es") return day;
  return day === "today" || day === "tomorrow" ? day : `on ${day}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
