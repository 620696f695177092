// `npx tsx bench/scoped-query.ts`: what a salon-scoped query costs in the database layer, and whether
// the planner uses the salon's indexes under row-level security.
// 1. Round trips: one list query (50 calls, newest first) through the system client `db`, through
//    `salonDb` (the app's way), and through a transaction per query (the former way: BEGIN, set the
//    salon, query, COMMIT). Per-query p50/p95 one at a time, then queries/s with 10 at once.
// 2. The planner: a filtered list (notifications, status FAILED, newest first) as the salon's client,
//    with EXPLAIN ANALYZE's estimate, actual rows, execution time and whether it used an index.
// Uses a throwaway embedded PostgreSQL, or BENCH_DATABASE_URL (an app-role URL; migrated, rows left
// behind). Knobs: BENCH_SALONS (1000) × BENCH_PER_SALON (100) notifications and calls, plus one
// salon with BENCH_BIG (10,000) of each; BENCH_QUERIES (1000) per measurement.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { migratedBenchDatabase } from "./lib/bench-database";

const SALONS = Number(process.env.BENCH_SALONS ?? 1000);
const PER_SALON = Number(process.env.BENCH_PER_SALON ?? 100);
const BIG = Number(process.env.BENCH_BIG ?? 10_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1000);
const CONCURRENCY = 10;
const say = (msg: string) => console.log(`[bench] ${msg}`);
const cleanups: Array<() => Promise<unknown>> = [];


/** One INSERT … SELECT generate_series per table: salons, then calls and notifications spread over 90 days. */
async function seed(): Promise<string> {
  const { db } = await import("@/lib/db");
  const run = randomBytes(3).toString("hex");
  await db.$executeRawUnsafe(`
    INSERT INTO "salons" ("id", "name", "slug", "updatedAt")
    SELECT 'bench-${run}-' || s, 'Bench Salon ' || s, 'bench-${run}-' || s, now() FROM generate_series(0, ${SALONS}) s`);
  // Salon 0 is the big one; rows i of salon s: status cycles so about one in eight is FAILED.
  const rows = `SELECT 'bench-${run}-' || s AS salon, i FROM generate_series(1, ${SALONS}) s, generate_series(1, ${PER_SALON}) i
                UNION ALL SELECT 'bench-${run}-0', i FROM generate_series(1, ${BIG}) i`;
  await db.$executeRawUnsafe(`
    INSERT INTO "call_logs" ("id", "salonId", "callSid", "from", "to", "status", "startedAt", "createdAt", "updatedAt")
    SELECT r.salon || '-c' || r.i, r.salon, 'CA' || md5(r.salon || ':' || r.i), '+12125550100', '+14155550100',
           (ARRAY['COMPLETED','NO_ANSWER','BUSY','COMPLETED'])[1 + r.i % 4]::"CallStatus",
           now() - (r.i % 129600) * interval '1 minute', now(), now()
    FROM (${rows}) r`);
  await db.$executeRawUnsafe(`
    INSERT INTO "notifications" ("id", "salonId", "recipientKind", "destination", "body", "kind", "status", "createdAt", "updatedAt")
    SELECT r.salon || '-n' || r.i, r.salon, 'CUSTOMER', '+12125550100', 'See you soon', 'REMINDER',
           (ARRAY['DELIVERED','DELIVERED','SENT','DELIVERED','DELIVERED','UNDELIVERED','DELIVERED','FAILED'])[1 + r.i % 8]::"NotificationStatus",
           now() - (r.i % 129600) * interval '1 minute', now()
    FROM (${rows}) r`);
  await db.$executeRawUnsafe(`ANALYZE "salons", "call_logs", "notifications"`);
  return `bench-${run}-0`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

type Query = () => Promise<unknown>;

/** Runs `count` queries as CONCURRENCY loops; returns the elapsed ms. */
async function burst(run: Query, count: number): Promise<number> {
  let left = count;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) await run();
    }),
  );
  return performance.now() - start;
}

/**
 * p50/p95 one at a time, then queries/s with CONCURRENCY at once. The ways take turns (query by query,
 * then burst by burst) so that load from other processes falls on each of them alike.
 */
async function compare(ways: Record<string, Query>): Promise<void> {
  const entries = Object.entries(ways);
  for (const [, run] of entries) for (let i = 0; i < 100; i++) await run(); // connections, plans, JIT
  const times = entries.map((): number[] => []);
  for (let i = 0; i < QUERIES; i++) {
    for (const [w, [, run]] of entries.entries()) {
      const start = performance.now();
      await run();
      times[w]!.push(performance.now() - start);
    }
  }
  const elapsed = entries.map(() => 0);
  const rounds = 10;
  for (let r = 0; r < rounds; r++)
    for (const [w, [, run]] of entries.entries()) elapsed[w]! += await burst(run, QUERIES / rounds);
  for (const [w, [label]] of entries.entries()) {
    const sorted = times[w]!.sort((a, b) => a - b);
    say(
      `${label.padEnd(34)} p50 ${percentile(sorted, 50).toFixed(3)} ms  p95 ${percentile(sorted, 95).toFixed(3)} ms  ` +
        `${Math.round(QUERIES / (elapsed[w]! / 1000))} queries/s at ${CONCURRENCY}`,
    );
  }
}

type PlanNode = {
  "Node Type": string;
  "Index Name"?: string;
  "Plan Rows": number;
  "Actual Rows": number;
  "Rows Removed by Filter"?: number;
  Plans?: PlanNode[];
};

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function main() {
  await migratedBenchDatabase(cleanups);
  say(`seeding ${SALONS} salons × ${PER_SALON} calls and notifications, one salon with ${BIG} of each…`);
  const salonId = await seed();

  const { createPrismaClient, db, salonDb, withSalonTransaction } = await import("@/lib/db");
  const { env } = await import("@/lib/env");
  const list = { where: { salonId }, orderBy: { startedAt: "desc" as const }, take: 50, select: { id: true, status: true, startedAt: true } };

  // The former salonDb: every query its own batch transaction with the salon set first.
  const base = createPrismaClient(env.DATABASE_URL, { system: false });
  cleanups.push(() => base.$disconnect());
  const perTransaction: Query = async () =>
    base.$transaction([base.$executeRaw`SELECT set_config('bolt.salon_id', ${salonId}, true)`, base.callLog.findMany(list)]);

  say(`round trips: ${QUERIES} list queries (50 calls, newest first) each way, taking turns`);
  await compare({
    "system client (db)": () => db.callLog.findMany(list),
    salonDb: () => salonDb(salonId).callLog.findMany(list),
    "transaction per query (former)": perTransaction,
  });

  say("the planner, as the salon's client: notifications, status FAILED, newest 50");
  const filtered = `SELECT "id", "createdAt" FROM "notifications" WHERE "salonId" = '${salonId}' AND "status" = 'FAILED'
                    ORDER BY "createdAt" DESC LIMIT 50`;
  await compare({
    "salonDb FAILED list": () =>
      salonDb(salonId).notification.findMany({
        where: { salonId, status: "FAILED" },
        orderBy: { createdAt: "desc" },
        take: 50,
        select: { id: true, createdAt: true },
      }),
  });
  const [explained] = await withSalonTransaction(salonId, (tx) =>
    tx.$queryRawUnsafe<Array<{ "QUERY PLAN": Array<{ Plan: PlanNode; "Execution Time": number }> }>>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${filtered}`,
    ),
  );
  const { Plan: plan, "Execution Time": ms } = explained!["QUERY PLAN"][0]!;
  const scan = nodes(plan).find((n) => /Scan/.test(n["Node Type"]))!;
  say(
    `EXPLAIN ANALYZE: ${ms.toFixed(3)} ms; ${scan["Node Type"]}${scan["Index Name"] ? ` on ${scan["Index Name"]}` : ""}, ` +
      `estimated ${scan["Plan Rows"]} rows, returned ${scan["Actual Rows"]}, removed by filter ${scan["Rows Removed by Filter"] ?? 0}`,
  );
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });
