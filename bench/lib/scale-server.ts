// One bench:scale server: `npm start`'s own entry (scripts/start.ts) on a grown data dir, so the embedded
// PostgreSQL, migrations, the demo seed check, the Twilio sandbox with its recordings and the in-process
// worker all start as they do for a user. Start-up is timed from spawn until the app answers HTTP.
import { spawn, type ChildProcess } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { findFreePort } from "@/lib/dev/postgres-process";

export type ScaleServer = {
  name: string;
  baseUrl: string;
  pid: number;
  startupSeconds: number;
  logFile: string;
  rssMb: () => number;
  stop: () => Promise<void>;
};

const root = path.resolve(import.meta.dirname, "../..");
// Before the sandbox looked recordings up lazily, a 1M-row start took longer than this on 2 busy cores.
const STARTUP_TIMEOUT_MS = Number(process.env.BENCH_STARTUP_TIMEOUT_MINUTES ?? 15) * 60_000;
const OWN_SETTINGS = /^(DATABASE_URL|AUTH_SECRET|TWILIO_.*|PUBLIC_BASE_URL)$/;

/** A free port whose neighbour is free too: the sandbox listens on PORT + 1. */
async function freePortPair(): Promise<number> {
  for (;;) {
    const port = await findFreePort();
    if ((await findFreePort(port + 1)) === port + 1) return port;
  }
}

function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return Math.round(Number(kb) / 1024);
  } catch {
    return Number.NaN;
  }
}

export async function startScaleServer(
  name: string,
  dataDir: string,
  env: Record<string, string>,
): Promise<ScaleServer> {
  const port = await freePortPair();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(dataDir, "server.log");
  const out = openSync(logFile, "w");
  const started = performance.now();
  // node --import tsx (not the tsx CLI, which would put a second process between us and the server's RSS).
  // What this process pointed its own clients at stays here: the server finds its database and sandbox itself.
  const inherited: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !OWN_SETTINGS.test(k)),
  );
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts/start.ts")],
    {
      cwd: root,
      env: {
        NODE_ENV: "production",
        ...inherited,
        ...env,
        BOLT_DATA_DIR: dataDir,
        PORT: String(port),
        HOST: "127.0.0.1",
        PUBLIC_BASE_URL: baseUrl,
      },
      stdio: ["ignore", out, out],
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(60_000)]);
    }
  };
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} server exited (${child.exitCode}); see ${logFile}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} server not ready after ${STARTUP_TIMEOUT_MS / 60_000} min; see ${logFile}`);
    }
    try {
      const res = await fetch(`${baseUrl}/login`, { signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  const startupSeconds = (performance.now() - started) / 1000;
  return { name, baseUrl, pid: child.pid!, startupSeconds, logFile, rssMb: () => rssOf(child.pid!), stop };
}
