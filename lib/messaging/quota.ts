// The monthly text quota (Salon.monthlySmsQuota), in one place: what counts against it, how delivery
// enforces it, and what Settings → Messaging shows as used, so the page and the sender never disagree.
// A text counts once handed to Twilio this calendar month in the salon's zone (SENT/DELIVERED/
// UNDELIVERED), or while in flight (SENDING); failed, cancelled and waiting texts don't.
import { addMonths, startOfMonth } from "date-fns";
import { TZDate } from "@date-fns/tz";
import { db } from "@/lib/db";

export type QuotaSalon = { id: string; timeZone: string; monthlySmsQuota: number };

export function quotaReason(quota: number): string {
  return `Monthly text limit of ${quota} reached — raise it in Settings.`;
}

// Zone math is slow next to the rest of a send; a month's bounds only change once a month.
const monthCache = new Map<string, { start: number; end: number }>();

/** The start of the current calendar month in the salon's time zone. */
export function monthStart(now: Date, timeZone: string): Date {
  const hit = monthCache.get(timeZone);
  const t = now.getTime();
  if (hit && t >= hit.start && t < hit.end) return new Date(hit.start);
  const start = startOfMonth(new TZDate(t, timeZone));
  monthCache.set(timeZone, { start: start.getTime(), end: addMonths(start, 1).getTime() });
  return new Date(start.getTime());
}

/** UTC wall-clock text for a TIMESTAMP(3) array parameter. */
function pgTimestamp(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/** The texts counting against each salon's quota at `now`, in one query. */
export async function countMonthlySms(
  salons: Array<{ id: string; timeZone: string }>,
  now: Date,
): Promise<Map<string, number>> {
  if (salons.length === 0) return new Map();
  const ids = salons.map((s) => s.id);
  const since = salons.map((s) => pgTimestamp(monthStart(now, s.timeZone)));
  const rows = await db.$queryRaw<Array<{ salonId: string; used: number }>>`
    SELECT b.id AS "salonId",
      (SELECT count(*) FROM "notifications" n
        WHERE n."salonId" = b.id AND n."channel" = 'SMS'
          AND (n."status" = 'SENDING' OR (n."status" IN ('SENT', 'DELIVERED', 'UNDELIVERED') AND n."sentAt" >= b.since))
      )::int AS used
    FROM unnest(${ids}::text[], ${since}::timestamp(3)[]) AS b(id, since)`;
  return new Map(rows.map((r) => [r.salonId, r.used]));
}

/** This month's use for one salon, as Settings shows it. */
export async function smsUsedThisMonth(salon: { id: string; timeZone: string }, now: Date): Promise<number> {
  return (await countMonthlySms([salon], now)).get(salon.id) ?? 0;
}

/**
 * Splits texts about to be sent into those within their salon's quota and those over it, counting
 * the texts admitted earlier in the same list (a batch can hold many of one salon's texts).
 */
export async function splitByQuota<T>(
  texts: T[],
  salonOf: (text: T) => QuotaSalon,
  now: Date,
): Promise<{ within: T[]; over: T[] }> {
  const salons = new Map(texts.map((t) => [salonOf(t).id, salonOf(t)]));
  const used = await countMonthlySms([...salons.values()], now);
  const within: T[] = [];
  const over: T[] = [];
  for (const text of texts) {
    const salon = salonOf(text);
    const count = used.get(salon.id) ?? 0;
    if (count < salon.monthlySmsQuota) {
      used.set(salon.id, count + 1);
      within.push(text);
    } else over.push(text);
  }
  return { within, over };
}
