// The database a bench runs against: BENCH_DATABASE_URL (an app-role URL), or a throwaway embedded
// PostgreSQL whose stop and removal are added to `cleanups`.
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
