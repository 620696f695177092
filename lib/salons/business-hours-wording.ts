// How times, days and dates are said in English and Spanish, for the hours answers (calls and texts).
// Speech and text differ only where a listener needs it: Spanish speech says "de la tarde" where a
// text writes "p. m.", and a spoken range drops AM/PM when nobody could mistake it ("from 10 to 4").
import type { Language } from "@/lib/i18n/language";
import type { Channel } from "@/lib/receptionist/understanding";
import { weekdayOf, type LocalDate } from "@/lib/time/zoned";

const END_OF_DAY = 24 * 60;
const NOON = 12 * 60;

/** Weekday names, Sunday first (weekdayOf's numbering). Spanish ones are lower case, as written mid-sentence. */
export const WEEKDAY_NAMES: Record<Language, readonly string[]> = {
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
  es: ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
};

const MONTH_NAMES: Record<Language, readonly string[]> = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  es: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
};

function hourAndMinute(minutes: number): { h12: number; h24: number; mm: string } {
  const h24 = Math.floor(minutes / 60);
  const m = minutes % 60;
  return { h24, h12: h24 % 12 === 0 ? 12 : h24 % 12, mm: m ? `:${String(m).padStart(2, "0")}` : "" };
}

/** "9" or "7:30": the clock face alone, minutes only when they matter. */
function bareTime(minutes: number): string {
  const { h12, mm } = hourAndMinute(minutes);
  return `${h12}${mm}`;
}

/** Spanish speech names the part of the day instead of a.m./p.m.: "9 de la mañana", "7 de la tarde". */
function spanishPartOfDay(h24: number): string {
  if (h24 < 12) return h24 < 6 ? "de la madrugada" : "de la mañana";
  return h24 < 20 ? "de la tarde" : "de la noche";
}

/** "9 AM", "7:30 PM", "midnight"; "9 a. m." (text) or "9 de la mañana" (speech), "medianoche", "mediodía". */
export function clockTime(minutes: number, language: Language = "en", channel: Channel = "speech"): string {
  if (minutes % END_OF_DAY === 0) return language === "es" ? "medianoche" : "midnight";
  const { h24 } = hourAndMinute(minutes);
  if (language === "en") return `${bareTime(minutes)} ${h24 < 12 ? "AM" : "PM"}`;
  if (minutes === NOON) return "mediodía";
  return channel === "speech" ? `${bareTime(minutes)} ${spanishPartOfDay(h24)}` : `${bareTime(minutes)} ${h24 < 12 ? "a. m." : "p. m."}`;
}

/** Spanish times take an article: "las 9 a. m.", "la 1 p. m.", "la medianoche", "el mediodía". English: as is. */
export function timeWithArticle(minutes: number, language: Language, channel: Channel = "speech"): string {
  const said = clockTime(minutes, language, channel);
  if (language === "en") return said;
  if (minutes === NOON) return `el ${said}`;
  // "la medianoche", "la 1": singular; every other hour is plural.
  const singular = minutes % END_OF_DAY === 0 || hourAndMinute(minutes).h12 === 1;
  return `${singular ? "la" : "las"} ${said}`;
}

/** "at 9 AM" / "a las 9 a. m." ("al mediodía"). */
export function atTime(minutes: number, language: Language, channel: Channel = "speech"): string {
  if (language === "en") return `at ${clockTime(minutes, language, channel)}`;
  const withArticle = timeWithArticle(minutes, language, channel);
  return withArticle.startsWith("el ") ? `al ${withArticle.slice(3)}` : `a ${withArticle}`;
}

/** A morning opening and an afternoon or evening closing: said "10 to 4", the way people say it. */
function isObviousDaytime(open: number, close: number): boolean {
  return open >= 5 * 60 && open < NOON && close > NOON && close <= 22 * 60;
}

/** "10 to 4" (speech) or "10 AM to 4 PM"; "de 10 a 4" or "de 10 a. m. a 4 p. m.". */
function timeRange(open: number, close: number, language: Language, channel: Channel, plain = channel === "speech" && isObviousDaytime(open, close)): string {
  const say = (minutes: number) => (plain ? bareTime(minutes) : clockTime(minutes, language, channel));
  return language === "es" ? `de ${say(open)} a ${say(close)}` : `${say(open)} to ${say(close)}`;
}

/** Several periods of one day: "from 9 to 12 and from 1 to 6" / "de 9 a 12 y de 1 a 6" (a daytime day is said plainly). */
export function periodsPhrase(periods: Array<{ open: number; close: number }>, language: Language, channel: Channel): string {
  const first = periods[0]?.open ?? 0;
  const last = periods.at(-1)?.close ?? 0;
  const plain = channel === "speech" && isObviousDaytime(first, last);
  const ranges = periods.map((p) => timeRange(p.open, p.close, language, channel, plain));
  return language === "es" ? joinList(ranges, "es") : joinList(ranges.map((r) => `from ${r}`), "en");
}

/** Ends a sentence once: a time written "7 p. m." already carries its full stop. */
export function endSentence(text: string): string {
  return text.replace(/\.\.(?=\s|$)/g, ".");
}

/** "Thursday, December 24" / "jueves 24 de diciembre". */
export function dateName(date: LocalDate, language: Language): string {
  const weekday = WEEKDAY_NAMES[language][weekdayOf(date)];
  const month = MONTH_NAMES[language][date.month - 1];
  return language === "es" ? `${weekday} ${date.day} de ${month}` : `${weekday}, ${month} ${date.day}`;
}

/** "a, b and c" / "a, b y c". */
export function joinList(parts: readonly string[], language: Language): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} ${language === "es" ? "y" : "and"} ${parts.at(-1)}`;
}
