// Time words chrono-node reads badly or not at all, in callers' English and Spanish: holidays, "the 15th"
// and "el día veinte" without a month, "Saturdays", hours in words ("las cuatro"), and spans of days
// ("this week", "la próxima semana", "el fin de semana"). Rewritten into words chrono reads, or resolved
// here, relative to the salon's today.
import type { Language } from "@/lib/i18n/language";
import { addCalendarDays, calendarDaysBetween, weekdayOf, type LocalDate } from "@/lib/time/zoned";

/** A rewrite's new words, remembered so the entity can quote the caller's own. */
export type Substitution = { said: string; written: string };

const MONTHS: Record<Language, string[]> = {
  en: "january february march april may june july august september october november december".split(" "),
  es: "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(" "),
};

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  una: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiuno: 21,
  veintidos: 22,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
  treinta: 30,
  treintayuno: 31,
};

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  "twenty first": 21,
  "twenty second": 22,
  "twenty third": 23,
  "twenty fourth": 24,
  "twenty fifth": 25,
  "twenty sixth": 26,
  "twenty seventh": 27,
  "twenty eighth": 28,
  "twenty ninth": 29,
  "thirty first": 31,
};

const EN_WEEKDAYS = "sunday monday tuesday wednesday thursday friday saturday";
const ES_WEEKDAYS: Record<string, string> = {
  lunes: "lunes",
  martes: "martes",
  miercoles: "miércoles",
  miércoles: "miércoles",
  jueves: "jueves",
  viernes: "viernes",
  sabados: "sábado",
  sábados: "sábado",
  domingos: "domingo",
};

function stripAccents(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "");
}

/** The next date (today included) that falls on `day` of a month, in a month that has it. */
function nextDayOfMonth(today: LocalDate, day: number): LocalDate | undefined {
  if (day < 1 || day > 31) return undefined;
  for (let ahead = 0; ahead < 3; ahead++) {
    const month0 = today.month - 1 + ahead;
    const candidate = { year: today.year + Math.floor(month0 / 12), month: (month0 % 12) + 1, day };
    const real = new Date(Date.UTC(candidate.year, candidate.month - 1, day));
    if (real.getUTCDate() === day && calendarDaysBetween(today, candidate) >= 0) return candidate;
  }
  return undefined;
}

/** The nth (or last, n = -1) given weekday of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): LocalDate {
  if (n > 0) {
    const first = { year, month, day: 1 };
    return addCalendarDays(first, ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7);
  }
  const last = addCalendarDays({ year: month === 12 ? year + 1 : year, month: (month % 12) + 1, day: 1 }, -1);
  return addCalendarDays(last, -((weekdayOf(last) - weekday + 7) % 7));
}

type Holiday = { pattern: RegExp; date: (year: number) => LocalDate };

const HOLIDAYS: Holiday[] = [
  {
    pattern: /\b(?:christmas eve|nochebuena|noche buena)\b/i,
    date: (year) => ({ year, month: 12, day: 24 }),
  },
  { pattern: /\b(?:christmas(?: day)?|xmas|navidad)\b/i, date: (year) => ({ year, month: 12, day: 25 }) },
  {
    pattern: /\b(?:new year'?s eve|fin de año|nochevieja)\b/i,
    date: (year) => ({ year, month: 12, day: 31 }),
  },
  {
    pattern: /\b(?:new year'?s(?: day)?|(?:el )?d[ií]a de año nuevo|año nuevo)\b/i,
    date: (year) => ({ year, month: 1, day: 1 }),
  },
  {
    pattern:
      /\b(?:(?:the )?(?:fourth|4th) of july|july (?:4th|fourth)|independence day|4 de julio|cuatro de julio)\b/i,
    date: (year) => ({ year, month: 7, day: 4 }),
  },
  {
    pattern: /\b(?:valentine'?s(?: day)?|san valent[ií]n|d[ií]a del amor)\b/i,
    date: (year) => ({ year, month: 2, day: 14 }),
  },
  { pattern: /\b(?:halloween)\b/i, date: (year) => ({ year, month: 10, day: 31 }) },
  { pattern: /\b(?:thanksgiving|acci[oó]n de gracias)\b/i, date: (year) => nthWeekday(year, 11, 4, 4) },
  { pattern: /\b(?:memorial day)\b/i, date: (year) => nthWeekday(year, 5, 1, -1) },
  { pattern: /\b(?:labor day|d[ií]a del trabajo)\b/i, date: (year) => nthWeekday(year, 9, 1, 1) },
  { pattern: /\b(?:mother'?s day|d[ií]a de las? madres?)\b/i, date: (year) => nthWeekday(year, 5, 0, 2) },
];

function monthDay(date: LocalDate, language: Language): string {
  const month = MONTHS[language][date.month - 1] ?? "";
  return language === "es" ? `${date.day} de ${month} de ${date.year}` : `${month} ${date.day} ${date.year}`;
}

/** Rewrites `text` into words chrono reads; `subs` collects what was replaced. */
export function rewriteTimeWords(
  text: string,
  language: Language,
  today: LocalDate,
  subs: Substitution[],
): string {
  const sub = (said: string, written: string) => {
    subs.push({ said, written });
    return written;
  };
  let out = text;
  for (const holiday of HOLIDAYS) {
    out = out.replace(holiday.pattern, (said) => {
      let date = holiday.date(today.year);
      if (calendarDaysBetween(today, date) < 0) date = holiday.date(today.year + 1);
      return sub(said, monthDay(date, language));
    });
  }
  if (language === "en") {
    // "the 15th", "the twentieth", "on the 3rd" with no month: the next such day.
    out = out.replace(
      /\bthe (\d{1,2})(?:st|nd|rd|th)?\b(?! of | (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/gi,
      (said, n: string) => {
        const date = nextDayOfMonth(today, Number(n));
        return date ? sub(said, monthDay(date, language)) : said;
      },
    );
    out = out.replace(
      new RegExp(`\\bthe (${Object.keys(ORDINAL_WORDS).join("|")})\\b(?! of)`, "gi"),
      (said, word: string) => {
        const date = nextDayOfMonth(today, ORDINAL_WORDS[word.toLowerCase()] ?? 0);
        return date ? sub(said, monthDay(date, language)) : said;
      },
    );
    out = out.replace(new RegExp(`\\b(${EN_WEEKDAYS.split(" ").join("|")})s\\b`, "gi"), (said, day: string) =>
      sub(said, day),
    );
    out = out.replace(
      /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: ?o'?clock)\b/gi,
      (said, n: string) => sub(said, `${NUMBER_WORDS[n.toLowerCase()]}:00`),
    );
    out = out.replace(/\b(\d{1,2}) ?o'?clock\b/gi, (said, n: string) => sub(said, `${n}:00`));
  } else {
    // "el 15", "el día veinte", "para el 31": the next such day.
    out = out.replace(
      /\b(?:el )?d[ií]a (\d{1,2}|[a-zíé]+)\b(?! de (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep|oct|nov|dic))/giu,
      (said, n: string) => {
        const day = /^\d+$/.test(n) ? Number(n) : NUMBER_WORDS[stripAccents(n.toLowerCase())];
        const date = day ? nextDayOfMonth(today, day) : undefined;
        return date ? sub(said, monthDay(date, language)) : said;
      },
    );
    out = out.replace(/\bel (\d{1,2})\b(?! de | ?(?:am|pm|hrs?|horas?)\b|:)/giu, (said, n: string) => {
      const date = nextDayOfMonth(today, Number(n));
      return date ? sub(said, monthDay(date, language)) : said;
    });
    out = out.replace(
      /\blos (lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bados|domingos)\b/giu,
      (said, day: string) => sub(said, `el ${ES_WEEKDAYS[day.toLowerCase()] ?? day}`),
    );
    // Hours in words: "a las cuatro", "la una".
    out = out.replace(
      /\b(las|la) (una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)\b/giu,
      (said, article: string, n: string) => sub(said, `${article} ${NUMBER_WORDS[n.toLowerCase()]}`),
    );
    out = out.replace(/\b(\d{1,2}) y media\b/giu, (said, n: string) => sub(said, `${n}:30`));
    out = out.replace(/\b(\d{1,2}) y cuarto\b/giu, (said, n: string) => sub(said, `${n}:15`));
    out = out.replace(/\bmedio ?d[ií]a\b/giu, (said) => sub(said, "12:00"));
    out = out.replace(/\bmñn\b/giu, (said) => sub(said, "mañana"));
    // "pasado mañana" (the day after tomorrow): chrono reads only "mañana".
    out = out.replace(/\bpasado mañana\b/giu, (said) => sub(said, "en 2 días"));
  }
  return out;
}

/** A span of whole days the words name ("this week", "el fin de semana", "next month"), or undefined. */
export function daySpan(
  text: string,
  language: Language,
  today: LocalDate,
): { text: string; first: LocalDate; days: number } | undefined {
  const weekday = weekdayOf(today);
  const toMonday = (weekday + 6) % 7;
  const nextMonday = addCalendarDays(today, 7 - toMonday);
  const saturday = addCalendarDays(today, weekday === 0 ? -1 : 6 - weekday);
  const spans: Array<[RegExp, () => { first: LocalDate; days: number }]> =
    language === "en"
      ? [
          [/\bnext weekend\b/i, () => ({ first: addCalendarDays(saturday, 7), days: 2 })],
          [
            /\b(?:this |the )?weekend\b/i,
            () => ({ first: weekday === 0 ? today : saturday, days: weekday === 0 ? 1 : 2 }),
          ],
          [/\bnext week\b/i, () => ({ first: nextMonday, days: 7 })],
          [
            /\bthis week\b|\blater this week\b/i,
            () => ({ first: today, days: calendarDaysBetween(today, nextMonday) }),
          ],
          [/\bnext month\b/i, () => nextMonth(today)],
        ]
      : [
          [
            /\b(?:el )?pr[oó]ximo fin(?: de semana)?\b|\bel otro fin(?: de semana)?\b/iu,
            () => ({ first: addCalendarDays(saturday, 7), days: 2 }),
          ],
          [
            /\b(?:este |el )?fin(?:de)? de semana\b|\bfinde\b/iu,
            () => ({ first: weekday === 0 ? today : saturday, days: weekday === 0 ? 1 : 2 }),
          ],
          [
            /\b(?:la )?(?:pr[oó]xima semana|semana (?:que viene|q viene|entrante)|otra semana)\b/iu,
            () => ({ first: nextMonday, days: 7 }),
          ],
          [/\besta semana\b/iu, () => ({ first: today, days: calendarDaysBetween(today, nextMonday) })],
          [/\b(?:el )?(?:mes que viene|pr[oó]ximo mes|mes entrante)\b/iu, () => nextMonth(today)],
        ];
  // A month named alone ("sometime in December", "en diciembre"): the rest of it, or all of the next one.
  const months = MONTHS[language].map((m) => m.slice(0, 3)).join("|");
  const monthPattern = new RegExp(`\\b(?:in|en|for|para) (${months})[a-z]*\\b(?! \\d)`, "i");
  spans.push([
    monthPattern,
    () => {
      const named =
        MONTHS[language].findIndex((m) => m.startsWith(monthPattern.exec(text)?.[1]?.toLowerCase() ?? "-")) +
        1;
      const year = named < today.month ? today.year + 1 : today.year;
      const first = named === today.month ? today : { year, month: named, day: 1 };
      const after = { year: named === 12 ? year + 1 : year, month: (named % 12) + 1, day: 1 };
      return { first, days: calendarDaysBetween(first, after) };
    },
  ]);
  for (const [pattern, span] of spans) {
    const match = pattern.exec(text);
    if (match) return { text: match[0], ...span() };
  }
  return undefined;
}

function nextMonth(today: LocalDate): { first: LocalDate; days: number } {
  const first = {
    year: today.month === 12 ? today.year + 1 : today.year,
    month: (today.month % 12) + 1,
    day: 1,
  };
  const after = {
    year: first.month === 12 ? first.year + 1 : first.year,
    month: (first.month % 12) + 1,
    day: 1,
  };
  return { first, days: calendarDaysBetween(first, after) };
}
