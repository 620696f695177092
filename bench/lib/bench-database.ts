// The database a bench runs against: BENCH_DATABASE_URL (an app-role URL), or a throwaway embedded
// PostgreSQL whose stop and removal are added to `cleanups`.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export async function benchDatabase(cleanups: Array<() => Promise<unknown>>): Promise<string> {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const { startEmbeddedPostgres } = await import("@/lib/dev/embedded-postgres");
  const dir = mkdtempSync(path.join(os.tmpdir(), "bolt-bench-"));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), persistent: false });
  cleanups.push(() => pg.stop());
  return pg.appUrl;
}

/**
 * benchDatabase, migrated, with this process's clients pointed at it (a production-mode app: its env and a
 * fresh AUTH_SECRET); closing them is added to `cleanups`.
 */
export async function migratedBenchDatabase(cleanups: Array<() => Promise<unknown>>): Promise<string> {
  const url = await benchDatabase(cleanups);
  cleanups.push(async () => (await import("@/lib/db/close-clients")).closeDatabaseClients());
  Object.assign(process.env, {
    NODE_ENV: "production",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString("hex"),
  });
  await (await import("@/lib/db/migrator")).migrateUp(url);
  return url;
}
