// The dashboard's charts in ONE statement through querySalon (salon role, RLS on): calls per bucket by
// outcome, call length, bookings by Bolt, texts sent/delivered/failed and opt-outs per bucket, busiest
// hours of the week, calls by reason and text failures by error code. Everything is grouped in SQL on the
// salon's wall clock ((utc AT TIME ZONE 'UTC') AT TIME ZONE tz), and the buckets come from generate_series so
// a quiet day is a zero, not a gap. The calls are read once (a materialized CTE) by (salonId, startedAt), the
// texts by (salonId, sentAt, failedAt): each table only over the period, never the salon's whole history.
import { querySalon } from "@/lib/db";
import { sqlParams } from "@/lib/db/sql-params";
import type { DashboardBucket, DashboardCharts } from "@/lib/dashboard/dashboard-figures";
import type { DashboardPeriod } from "@/lib/dashboard/dashboard-period";
import { describeTwilioError } from "@/lib/telephony/error-codes";

const COUNTS = [
  "calls", "staff", "bolt", "voicemail", "missed", "inProgress", "bookedByBolt",
  "timedCalls", "callSeconds", "textsSent", "textsDelivered", "textsFailed", "textsAwaiting", "optOuts",
] as const satisfies ReadonlyArray<keyof Omit<DashboardBucket, "at">>;

// Texts: handed to the carrier (whatever happened next), and failed before or after it. A text counts on the
// day it went out (sentAt), or failed if it never went (failedAt): a reminder is created when the visit is
// booked, days before it is sent. Both read the index (salonId, sentAt, failedAt).
const SENT = `('SENT','DELIVERED','UNDELIVERED')`;
const FAILED = `('FAILED','UNDELIVERED')`;

/** The statement (exported for the benchmark's EXPLAIN ANALYZE). */
export function dashboardChartsSql(period: DashboardPeriod, salonId: string) {
  const p = sqlParams();
  const [salon, tz] = [p.add(salonId), p.add(period.timeZone)];
  const [from, to, busiestFrom] = [p.at(period.from), p.at(period.to), p.at(period.busiestFrom)];
  const local = (column: string) => `((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${tz})`;
  // 'hour' or 'day' only (DashboardPeriod's type): safe to write into the statement.
  const unit = period.bucket;
  const series = `generate_series(${p.add(period.buckets[0])}::timestamp, ${p.add(period.buckets.at(-1))}::timestamp, interval '1 ${unit}')`;
  const text = `
    WITH calls AS MATERIALIZED (
      SELECT ${local(`c."startedAt"`)} AS "local", c."startedAt" >= ${from} AS "inPeriod",
             c."outcome", c."reason", c."durationSeconds", c."servedByBolt"
      FROM "call_logs" c
      WHERE c."salonId" = ${salon} AND c."startedAt" >= ${busiestFrom} AND c."startedAt" < ${to}
    ), call_buckets AS (
      SELECT date_trunc('${unit}', "local") AS b, count(*) AS calls,
             count(*) FILTER (WHERE "outcome" = 'ANSWERED_BY_STAFF') AS staff,
             count(*) FILTER (WHERE "outcome" IN ('ANSWERED_BY_BOLT','BOOKED_BY_BOLT')) AS bolt,
             count(*) FILTER (WHERE "outcome" = 'VOICEMAIL') AS voicemail,
             count(*) FILTER (WHERE "outcome" = 'MISSED') AS missed,
             count(*) FILTER (WHERE "outcome" = 'IN_PROGRESS') AS "inProgress",
             count(*) FILTER (WHERE "servedByBolt" = 'BOOKED') AS "bookedByBolt",
             count(*) FILTER (WHERE "durationSeconds" > 0) AS "timedCalls",
             coalesce(sum("durationSeconds") FILTER (WHERE "durationSeconds" > 0), 0) AS "callSeconds"
      FROM calls WHERE "inPeriod" GROUP BY 1
    ), texts AS MATERIALIZED (
      SELECT ${local(`coalesce(n."sentAt", n."failedAt")`)} AS "local", n."status", n."errorCode"
      FROM "notifications" n
      WHERE n."salonId" = ${salon} AND n."channel" = 'SMS' AND n."status" IN ('SENT','DELIVERED','UNDELIVERED','FAILED')
        AND ((n."sentAt" >= ${from} AND n."sentAt" < ${to}) OR (n."sentAt" IS NULL AND n."failedAt" >= ${from} AND n."failedAt" < ${to}))
    ), text_buckets AS (
      SELECT date_trunc('${unit}', "local") AS b,
             count(*) FILTER (WHERE "status" IN ${SENT}) AS "textsSent",
             count(*) FILTER (WHERE "status" = 'DELIVERED') AS "textsDelivered",
             count(*) FILTER (WHERE "status" IN ${FAILED}) AS "textsFailed",
             count(*) FILTER (WHERE "status" = 'SENT') AS "textsAwaiting"
      FROM texts GROUP BY 1
    ), opt_outs AS (
      SELECT date_trunc('${unit}', ${local(`cu."optedOutAt"`)}) AS b, count(*) AS "optOuts"
      FROM "customers" cu
      WHERE cu."salonId" = ${salon} AND cu."optedOutAt" >= ${from} AND cu."optedOutAt" < ${to}
      GROUP BY 1
    )
    SELECT json_build_object(
      'buckets', (
        SELECT json_agg(json_build_object('at', to_char(s.b, 'YYYY-MM-DD"T"HH24:MI'),
          ${COUNTS.map((k) => `'${k}', coalesce("${k}", 0)`).join(", ")}) ORDER BY s.b)
        FROM ${series} AS s(b)
        LEFT JOIN call_buckets USING (b) LEFT JOIN text_buckets USING (b) LEFT JOIN opt_outs USING (b)),
      'busiestTimes', (
        SELECT coalesce(json_agg(json_build_object('weekday', w, 'hour', h, 'calls', n) ORDER BY w, h), '[]')
        FROM (SELECT extract(dow FROM "local")::int AS w, extract(hour FROM "local")::int AS h, count(*) AS n
              FROM calls GROUP BY 1, 2) t),
      'reasons', (
        SELECT coalesce(json_agg(json_build_object('reason', "reason", 'calls', n) ORDER BY n DESC, "reason" NULLS LAST), '[]')
        FROM (SELECT "reason", count(*) AS n FROM calls WHERE "inPeriod" GROUP BY 1) t),
      'failures', (
        SELECT coalesce(json_agg(json_build_object('code', "errorCode", 'texts', n)), '[]')
        FROM (SELECT "errorCode", count(*) AS n FROM texts WHERE "status" IN ${FAILED} GROUP BY 1) t)
    )::text AS "json"`;
  return { text, values: p.values };
}

type Row = Omit<DashboardCharts, "totals" | "failures"> & { failures: Array<{ code: string | null; texts: number }> };

/** Codes that read the same in words (429 and 20429) are one line. */
function failuresInWords(failures: Row["failures"]): DashboardCharts["failures"] {
  const byWords = new Map<string, number>();
  for (const { code, texts } of failures) {
    const words = describeTwilioError(code);
    byWords.set(words, (byWords.get(words) ?? 0) + texts);
  }
  return [...byWords].map(([reason, texts]) => ({ reason, texts })).sort((a, b) => b.texts - a.texts || a.reason.localeCompare(b.reason));
}

export async function getDashboardCharts(salonId: string, period: DashboardPeriod): Promise<DashboardCharts> {
  const [row] = await querySalon<{ json: string }>(salonId, dashboardChartsSql(period, salonId));
  const data = JSON.parse(row!.json) as Row;
  const totals = Object.fromEntries(COUNTS.map((k) => [k, data.buckets.reduce((sum, b) => sum + b[k], 0)])) as DashboardCharts["totals"];
  return { ...data, totals, failures: failuresInWords(data.failures) };
}
