// The throwaway server of bench/api-request.ts: an embedded PostgreSQL in a temp dir whose log feeds the
// statement count, and `npm start`'s own entry (scripts/start.ts: migrations, demo seed, Twilio sandbox,
// job worker, front gate, Next in one process) on a free port, so memory is the process `npm start` runs.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ACCOUNT_SID, AUTH_TOKEN } from "./voice-traffic";
import { SqlLog } from "./api-sql-log";
import { findFreePort } from "@/lib/dev/postgres-process";

const root = path.resolve(import.meta.dirname, "../..");

export type ServerOptions = {
  /** Write a V8 CPU profile of the whole server run into this directory (on exit). */
  cpuProfileDir?: string;
  /** The server writes a heap snapshot into the bench's temp dir on SIGUSR2 (kept after the run). */
  heapSnapshots?: boolean;
};

export type BenchServer = {
  base: string;
  pid: number;
  adminUrl: string;
  sql: SqlLog;
  logFile: string;
  tmp: string;
  stop: () => Promise<void>;
};

async function waitForReady(child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}); see ${logFile}`);
    if (readFileSync(logFile, "utf8").includes("[bolt] ready in")) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server was not ready within 180 s; see ${logFile}`);
}

export async function startBenchServer(opts: ServerOptions = {}): Promise<BenchServer> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npx next build` (or `npm start` once) first.");
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), "bolt-api-bench-"));
  const sql = new SqlLog();
  const { startEmbeddedPostgres } = await import("@/lib/dev/embedded-postgres");
  const pg = await startEmbeddedPostgres({ dataDir: path.join(tmp, "postgres"), persistent: false, onLog: sql.onLog });

  // The sandbox account is the one bench/lib/voice-traffic.ts signs webhooks for.
  const dataDir = path.join(tmp, "data");
  mkdirSync(dataDir);
  writeFileSync(
    path.join(dataDir, "secrets.json"),
    JSON.stringify({
      authSecret: randomBytes(32).toString("base64url"),
      twilioSandbox: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
    }),
  );
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: pg.appUrl,
    BOLT_DATA_DIR: dataDir,
    BOLT_SEED_DEMO: "true",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_BASE_URL: base,
    TWILIO_SANDBOX_PORT: String(await findFreePort()),
    // The limiters still run on every request; the bench must not be the one they stop.
    API_RATE_LIMIT_POINTS: "1000000000",
    NEXT_TELEMETRY_DISABLED: "1",
    // scripts/start.ts logs where its memory is (V8 heap, external, array buffers); --memory prints it.
    BOLT_MEMORY_LOG_SECONDS: "2",
  };
  for (const key of ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_API_BASE_URL"]) delete env[key];

  const nodeFlags = ["--import", "tsx"];
  if (opts.cpuProfileDir) nodeFlags.unshift("--cpu-prof", `--cpu-prof-dir=${opts.cpuProfileDir}`);
  if (opts.heapSnapshots) nodeFlags.unshift("--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${tmp}`);
  const logFile = path.join(tmp, "server.log");
  const out = openSync(logFile, "a");
  const child = spawn(process.execPath, [...nodeFlags, "scripts/start.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", out, out],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    }
    await pg.stop();
    if (!opts.cpuProfileDir && !opts.heapSnapshots) rmSync(tmp, { recursive: true, force: true });
  };
  try {
    await waitForReady(child, logFile);
  } catch (err) {
    await stop();
    throw err;
  }
  return { base, pid: child.pid!, adminUrl: pg.adminUrl, sql, logFile, tmp, stop };
}
