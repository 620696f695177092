// The one pg-boss instance of this process, on the app's own PostgreSQL (schema "pgboss").
// Started lazily on first use, so code that only enqueues never pays for it at import time.
import { PgBoss } from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { QUEUES } from "@/lib/jobs/queues";

const log = logger.child({ module: "jobs" });

// Survives Next.js dev reloads, like the Prisma clients in lib/db.ts.
const globalForBoss = globalThis as unknown as { boltBoss?: Promise<PgBoss> };

async function startBoss(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: env.DATABASE_URL,
    schema: "pgboss",
    // Fetch + settle are one statement per batch; a small pool is plenty next to Prisma's.
    max: 4,
    application_name: "bolt-jobs",
    // No cron schedules are used; skip the timekeeper's polling.
    schedule: false,
    instanceName: "bolt",
    // New jobs wake idle workers at once (a staff member's text goes out in well under a second).
    useListenNotify: true,
  });
  boss.on("error", (err) => log.error({ err }, "pg-boss error"));
  await boss.start();
  for (const q of QUEUES) await boss.createQueue(q.name, q.options);
  return boss;
}

/** The started pg-boss instance (starts it on first call; concurrent callers share the start). */
export function getBoss(): Promise<PgBoss> {
  if (!globalForBoss.boltBoss) {
    globalForBoss.boltBoss = startBoss().catch((err: unknown) => {
      globalForBoss.boltBoss = undefined;
      throw err;
    });
  }
  return globalForBoss.boltBoss;
}

/** Stops the instance, letting in-flight jobs finish (workers registered on it stop too). */
export async function stopBoss(opts: { timeoutMs?: number } = {}): Promise<void> {
  const pending = globalForBoss.boltBoss;
  globalForBoss.boltBoss = undefined;
  if (!pending) return;
  const boss = await pending.catch(() => undefined);
  await boss?.stop({ graceful: true, close: true, timeout: opts.timeoutMs ?? 10_000 });
}
