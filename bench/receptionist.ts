// `npm run bench:receptionist`: how long interpreting one utterance takes in-process, as a voice or text
// webhook does it — the salon's catalog read, understand() (classifier + service/stylist/time) and an
// availability lookup (findFreeSlots) for what was asked — against the demo salon in a real PostgreSQL.
// Prints p50/p95/max over the eval utterances of both languages (BENCH_ROUNDS passes, default 3), each
// part on its own, and how long the model file takes to load. Asserts nothing timed (goal: p95 ≤ 50 ms).
// Uses a throwaway embedded PostgreSQL, or BENCH_DATABASE_URL (an app-role URL; migrated and seeded).
import { randomBytes } from "node:crypto";
import os from "node:os";
import { benchDatabase } from "./lib/bench-database";

const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const cleanups: Array<() => Promise<unknown>> = [];
const say = (msg: string) => console.log(`[bench] ${msg}`);

function percentiles(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `p50 ${at(0.5).toFixed(2)} ms   p95 ${at(0.95).toFixed(2)} ms   max ${(sorted.at(-1) ?? 0).toFixed(2)} ms   (n=${sorted.length})`;
}

async function main() {
  const url = await benchDatabase(cleanups);
  cleanups.push(async () => (await import("@/lib/db/close-clients")).closeDatabaseClients());
  const { migrateUp } = await import("@/lib/db/migrator");
  await migrateUp(url);
  Object.assign(process.env, {
    NODE_ENV: "production",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    PUBLIC_BASE_URL: "http://127.0.0.1:9",
  });

  const { db } = await import("@/lib/db");
  const { seedDemoSalon } = await import("@/lib/dev/seed/demo");
  const now = new Date();
  const { salonId } = await seedDemoSalon(db, now);
  const salon = await db.salon.findUniqueOrThrow({ where: { id: salonId }, select: { timeZone: true } });

  const { loadCatalog } = await import("@/lib/receptionist/catalog");
  const { understand } = await import("@/lib/receptionist/understand");
  const { findFreeSlots } = await import("@/lib/availability/find-free-slots");
  const { readCorpus } = await import("@/lib/receptionist/nlu/corpus");

  // The first call imports the model file (JSON parse + nlp.import), once per process.
  const catalog = await loadCatalog(salonId);
  let started = performance.now();
  await understand({
    text: "warm up",
    channel: "speech",
    language: "en",
    catalog,
    timeZone: salon.timeZone,
    now,
  });
  say(
    `model file loaded (import + nlp.import) and first utterance read in ${(performance.now() - started).toFixed(0)} ms`,
  );

  const utterances = (["en", "es"] as const).flatMap((language) =>
    readCorpus("eval", language).map((u) => ({ text: u.text, channel: u.channel, language })),
  );
  const total: number[] = [];
  const parts = { catalog: [] as number[], understand: [] as number[], availability: [] as number[] };
  // CPU this process spends in understand(), which other work on the machine cannot inflate the way it does wall time.
  let understandCpuMicros = 0;
  const week = 7 * 86_400_000;
  for (let round = 0; round < ROUNDS; round++) {
    for (const u of utterances) {
      started = performance.now();
      const fresh = await loadCatalog(salonId);
      const tCatalog = performance.now();
      const cpu = process.cpuUsage();
      const understood = await understand({ ...u, catalog: fresh, timeZone: salon.timeZone, now });
      const cpuUsed = process.cpuUsage(cpu);
      understandCpuMicros += cpuUsed.user + cpuUsed.system;
      const tUnderstand = performance.now();
      // What a booking turn asks: the named service (else the first), the named stylist, the named time (else a week).
      const when = understood.entities.when;
      const stylist = understood.entities.stylist;
      await findFreeSlots(salonId, {
        serviceId: understood.entities.service?.id ?? fresh.services[0]!.id,
        ...(stylist && "id" in stylist ? { employeeId: stylist.id } : {}),
        from: when && when.start > now ? when.start : now,
        to:
          when && when.end > now
            ? new Date(Math.max(when.end.getTime(), when.start.getTime() + 3_600_000))
            : new Date(now.getTime() + week),
        now,
      }).catch((err: unknown) => {
        // An inactive stylist named, say: the lookup's answer is an error, still a lookup.
        if (!(err instanceof Error)) throw err;
      });
      const done = performance.now();
      parts.catalog.push(tCatalog - started);
      parts.understand.push(tUnderstand - tCatalog);
      parts.availability.push(done - tUnderstand);
      total.push(done - started);
    }
  }
  console.log(
    `\ninterpreting an utterance (${utterances.length} eval utterances × ${ROUNDS} rounds, demo salon, in-process)`,
  );
  console.log(`  catalog read         ${percentiles(parts.catalog)}`);
  console.log(`  understand()         ${percentiles(parts.understand)}`);
  console.log(`  findFreeSlots        ${percentiles(parts.availability)}`);
  console.log(
    `  understand() CPU     ${(understandCpuMicros / 1000 / total.length).toFixed(2)} ms per utterance (mean)`,
  );
  console.log(`  all three            ${percentiles(total)}   (goal p95 ≤ 50 ms)`);
  // Other work on the machine inflates every figure; say how busy it was.
  console.log(
    `  load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} on ${os.cpus().length} CPUs`,
  );
}

try {
  await main();
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((err: unknown) => console.error(err));
}
