// `npx tsx bench/dashboard.ts`: the dashboard's charts statement (lib/dashboard/get-dashboard-charts.ts) at
// 1M call logs and 1M texts. Seeds BENCH_SALONS (1000) salons × BENCH_PER_SALON (990) calls and texts over 90
// days plus one demo-sized salon with BENCH_BIG (10,000) of each (and 2,000 customers, 5% opted out), then for
// Today / 7 days / 30 days prints EXPLAIN ANALYZE as the salon's client (RLS on): execution time, rows the scans
// read, pages and scans; and the function's own time (median of BENCH_RUNS, 20, one at a time).
// Uses a throwaway embedded PostgreSQL, or BENCH_DATABASE_URL (an app-role URL; migrated, rows left behind).
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { migratedBenchDatabase } from "./lib/bench-database";
import { explainAsSalon } from "./lib/scale-sql";

const SALONS = Number(process.env.BENCH_SALONS ?? 1000);
const PER_SALON = Number(process.env.BENCH_PER_SALON ?? 990);
const BIG = Number(process.env.BENCH_BIG ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const TZ = "America/Los_Angeles";
const say = (msg: string) => console.log(`[bench] ${msg}`);
const cleanups: Array<() => Promise<unknown>> = [];

/** One INSERT … SELECT generate_series per table; salon 0 is the demo-sized one. Rows spread over 90 days. */
async function seed(): Promise<string> {
  const { db } = await import("@/lib/db");
  const run = randomBytes(3).toString("hex");
  const salon = (s: string) => `'dash-${run}-' || ${s}`;
  await db.$executeRawUnsafe(`
    INSERT INTO "salons" ("id", "name", "slug", "timeZone", "updatedAt")
    SELECT ${salon("s")}, 'Bench Salon ' || s, ${salon("s")}, '${TZ}', now() FROM generate_series(0, ${SALONS}) s`);
  const rows = `SELECT ${salon("s")} AS salon, i FROM generate_series(1, ${SALONS}) s, generate_series(1, ${PER_SALON}) i
                UNION ALL SELECT ${salon("0")}, i FROM generate_series(1, ${BIG}) i`;
  // Minutes back from now, scattered (not sorted by id) over 90 days.
  const ago = `((r.i * 7919) % 129600) * interval '1 minute'`;
  await db.$executeRawUnsafe(`
    INSERT INTO "call_logs" ("id", "salonId", "callSid", "from", "to", "status", "reason", "outcome", "servedByBolt",
                             "durationSeconds", "startedAt", "createdAt", "updatedAt")
    SELECT r.salon || '-c' || r.i, r.salon, 'CA' || md5(r.salon || ':' || r.i), '+12125550100', '+14155550100',
           (ARRAY['COMPLETED','COMPLETED','COMPLETED','NO_ANSWER','COMPLETED'])[1 + r.i % 5]::"CallStatus",
           (enum_range(NULL::"CallReason"))[1 + r.i % 11],
           (ARRAY['ANSWERED_BY_BOLT','ANSWERED_BY_BOLT','ANSWERED_BY_STAFF','VOICEMAIL','MISSED','BOOKED_BY_BOLT','ANSWERED_BY_STAFF','MISSED','ANSWERED_BY_BOLT','ANSWERED_BY_BOLT'])[1 + r.i % 10],
           CASE WHEN r.i % 10 = 5 THEN 'BOOKED' END, CASE WHEN r.i % 5 = 3 THEN NULL ELSE 20 + r.i % 280 END,
           now() - ${ago}, now(), now()
    FROM (${rows}) r`);
  await db.$executeRawUnsafe(`
    INSERT INTO "notifications" ("id", "salonId", "recipientKind", "destination", "body", "kind", "status", "errorCode",
                                 "createdAt", "sentAt", "failedAt", "updatedAt")
    SELECT r.salon || '-n' || r.i, r.salon, 'CUSTOMER', '+12125550100', 'See you soon', 'REMINDER', t.status::"NotificationStatus",
           CASE WHEN t.status IN ('FAILED','UNDELIVERED') THEN (ARRAY['30003','30006','21610'])[1 + r.i % 3] END,
           now() - ${ago} - interval '2 days', CASE WHEN t.status <> 'FAILED' THEN now() - ${ago} END,
           CASE WHEN t.status IN ('FAILED','UNDELIVERED') THEN now() - ${ago} END, now()
    FROM (${rows}) r,
         LATERAL (SELECT (ARRAY['DELIVERED','DELIVERED','SENT','DELIVERED','DELIVERED','UNDELIVERED','DELIVERED','FAILED'])[1 + r.i % 8] AS status) t`);
  await db.$executeRawUnsafe(`
    INSERT INTO "customers" ("id", "salonId", "phone", "smsConsent", "optedOutAt", "updatedAt")
    SELECT r.salon || '-p' || r.i, r.salon, '+1212' || lpad(r.i::text, 7, '0'),
           CASE WHEN r.i % 20 = 0 THEN 'OPTED_OUT' ELSE 'OPTED_IN' END::"SmsConsent",
           CASE WHEN r.i % 20 = 0 THEN now() - ${ago} END, now()
    FROM (SELECT ${salon("s")} AS salon, i FROM generate_series(1, ${SALONS}) s, generate_series(1, 20) i
          UNION ALL SELECT ${salon("0")}, i FROM generate_series(1, 2000) i) r`);
  await db.$executeRawUnsafe(`ANALYZE "salons", "call_logs", "notifications", "customers"`);
  return `dash-${run}-0`;
}

async function main() {
  await migratedBenchDatabase(cleanups);
  say(`seeding ${SALONS} salons × ${PER_SALON} calls and texts, one salon with ${BIG} of each…`);
  const t0 = performance.now();
  const salonId = await seed();
  say(`seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  const { dashboardPeriod } = await import("@/lib/dashboard/dashboard-period");
  const { dashboardChartsSql, getDashboardCharts } = await import("@/lib/dashboard/get-dashboard-charts");
  const now = new Date();
  for (const range of ["today", "7d", "30d"] as const) {
    const period = dashboardPeriod(range, now, TZ);
    const plan = await explainAsSalon(salonId, dashboardChartsSql(period, salonId));
    const times: number[] = [];
    let calls = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      calls = (await getDashboardCharts(salonId, period)).totals.calls;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    say(
      `${range.padEnd(5)} ${String(calls).padStart(5)} calls | EXPLAIN ANALYZE ${plan.ms.toFixed(2)} ms, ${plan.rowsRead} rows read, ${plan.pages} pages | ` +
        `getDashboardCharts p50 ${times[Math.floor(RUNS / 2)]!.toFixed(2)} ms | ${plan.scans.join(", ")}`,
    );
  }
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });
