// The stand-in's default answer to the receptionist's prompt, derived from the prompt alone: the
// customer's words (the last user message), the catalog and the salon's local "now" (the system
// message's lines). Keyword rules, English and Spanish — not a model, but deterministic, so a test or
// `npm start` with RECEPTIONIST_ENGINE=llm gets answers in the right shape with the salon's own ids.
import { CATALOG_LINE, NOW_LINE } from "@/lib/receptionist/llm/prompt";
import { addCalendarDays, weekdayOf, type LocalDate } from "@/lib/time/zoned";
import type { ChatCompletionRequest } from "./wire";

type Named = { id: string; name: string };

// Whole words in either language: \b knows only ASCII letters, and "sábado" or "estaré" are words too.
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const w = (source: string) => new RegExp(`(?<!\\p{L})(?:${source})(?!\\p{L})`, "u");

// First match wins: an explicit request (a message, a person, a change) outranks the topic named with it.
const INTENT_WORDS: Array<[string, RegExp]> = [
  ["VOICEMAIL", w("message|voicemail|mensaje|recado")],
  ["TRANSFER", w("person|human|someone|talk to|speak (?:to|with)|persona|alguien|hablar con")],
  ["WAITLIST", w("wait ?list|earlier|lista de espera|más temprano|se libera")],
  ["CANCEL", w("cancel|cancelar|anular")],
  ["RESCHEDULE", w("move|reschedule|change my|cambiar|mover|reprogramar")],
  ["CONFIRM", w("i'?ll be there|see you|confirm|ahí estaré|allí estaré|confirmo|nos vemos")],
  ["BOOK", w("book|appointment|get an?|cita|reservar|agendar|quisiera|quiero")],
  ["PRICES", w("how much|price|cost|cuánto|precio|cuesta")],
  ["ADDRESS", w("where|address|parking|directions|dónde|dirección|estacionamiento")],
  ["HOURS", w("open|hours|close|abren|abierto|horario|cierran")],
  ["GOODBYE", w("bye|that'?s all|no thanks|adiós|eso es todo")],
];

const SPANISH = w("quiero|quisiera|cita|para|el|la|los|hola|gracias|cuánto|dónde|mañana|hoy|tarde|con|por favor|sábado|domingo");
const WEEKDAYS = ["sunday|domingo", "monday|lunes", "tuesday|martes", "wednesday|miércoles", "thursday|jueves", "friday|viernes", "saturday|sábado"].map(w);
const PARTS: Array<[RegExp, string, string]> = [
  [w("morning|por la mañana"), "09:00", "12:00"],
  [w("afternoon|por la tarde"), "12:00", "17:00"],
  [w("evening|por la noche"), "17:00", "21:00"],
];

const pad = (n: number) => String(n).padStart(2, "0");
const day = (d: LocalDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
const normal = (s: string) => s.toLowerCase().replace(/[’']/g, "");

/** The rest of the system message's line starting with `prefix`, if it has one. */
function lineAfter(system: string, prefix: string): string | undefined {
  return system.split("\n").find((l) => l.startsWith(prefix))?.slice(prefix.length);
}

/** The longest catalog name (or first word of one, as people say "Maria" for "Maria Lopez") in the words. */
function mentioned(list: Named[], words: string): (Named & { text: string }) | null {
  const hits = list.flatMap((item) => {
    const full = normal(item.name);
    const first = full.split(/\s+/)[0]!;
    const text = words.includes(full) ? full : first.length > 2 && w(escape(first)).test(words) ? first : null;
    return text ? [{ ...item, text }] : [];
  });
  return hits.sort((a, b) => b.text.length - a.text.length)[0] ?? null;
}

function dayOffset(words: string, today: LocalDate, hasTime: boolean): number | null {
  const weekday = WEEKDAYS.findIndex((re) => re.test(words));
  if (weekday >= 0) return (weekday - weekdayOf(today) + 7) % 7;
  // "mañana" is tomorrow, but "por la mañana" is the morning.
  if (w("tomorrow|mañana").test(words.replace(/por la mañana/g, ""))) return 1;
  return w("today|hoy").test(words) || hasTime ? 0 : null;
}

function when(words: string, today: LocalDate) {
  const time = /(?:at|a las|a la)\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?/.exec(words);
  const offset = dayOffset(words, today, time !== null);
  if (offset === null) return null;
  const date = day(addCalendarDays(today, offset));
  if (time) {
    let hour = Number(time[1]) % 12;
    // "At 4" at a salon is the afternoon; "at 10" the morning.
    if (/p/.test(time[3] ?? "") || (!time[3] && hour >= 1 && hour <= 7)) hour += 12;
    return { text: time[0].trim(), start: `${date}T${pad(hour)}:${time[2] ?? "00"}`, end: null, precision: "time" };
  }
  const part = PARTS.find(([re]) => re.test(words));
  if (part) return { text: part[0].exec(words)![0], start: `${date}T${part[1]}`, end: `${date}T${part[2]}`, precision: "part-of-day" };
  return { text: date, start: date, end: null, precision: "day" };
}

export function answerAsReceptionist(request: ChatCompletionRequest): string {
  const system = request.messages.find((m) => m.role === "system")?.content ?? "";
  const words = normal(request.messages.findLast((m) => m.role === "user")?.content ?? "");
  // Another prompt than the receptionist's still gets an answer: no catalog, no dates.
  const catalog = JSON.parse(lineAfter(system, CATALOG_LINE) ?? '{"services":[],"stylists":[]}') as { services: Named[]; stylists: Named[] };
  const [y, m, d] = (lineAfter(system, NOW_LINE) ?? "").slice(0, 10).split("-").map(Number);
  const intent = INTENT_WORDS.find(([, re]) => re.test(words))?.[0] ?? "NONE";
  const anyone = w("anyone|anybody|whoever|cualquiera|quien sea").exec(words);
  return JSON.stringify({
    intent,
    confidence: intent === "NONE" ? 0.3 : 0.9,
    language: SPANISH.test(words) ? "es" : "en",
    service: mentioned(catalog.services, words),
    stylist: anyone ? { anyone: true, text: anyone[0] } : mentioned(catalog.stylists, words),
    when: y && m && d ? when(words, { year: y, month: m, day: d }) : null,
  });
}
