// `npm run bench:webhooks`: autocannon against the signed voice webhook (a new CallSid per request,
// so every request logs a new call) and, in the same server, against a bare route that reads the
// same Twilio-shaped form and returns constant TwiML. Prints req/s and p50/p99 for both, their
// ratio at 50 connections, p99 at 5.
//
// Needs a production build (`npm run bench:webhooks -- --build` builds first; a build made by
// `npm start` works too): the app runs with `next start` in a child process, against a throwaway
// embedded PostgreSQL, with BOLT_BENCH_ROUTES=true (read at request time, so any build serves it).
// Knobs: BENCH_DURATION_SECONDS (default 6 per run), BENCH_ROUNDS (default 3; the medians are
// reported, which steadies figures on a shared machine), `--build` to run `next build` first.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  checkVoiceWork,
  SALON_NUMBER,
  VOICE_PATH,
  voiceRequestFactory,
} from "./lib/voice-traffic";
import { medians, report, type Run } from "./lib/webhook-report";
import { findFreePort } from "@/lib/dev/postgres-process";

const root = path.resolve(import.meta.dirname, "..");
const duration = Number(process.env.BENCH_DURATION_SECONDS ?? 6);
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const BARE_PATH = "/api/bench/twiml";
const say = (msg: string) => console.log(`[bench] ${msg}`);

/** The server's CPU time so far (user + system, ms) from /proc; NaN where there is no /proc. */
function serverCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

async function waitForServer(baseUrl: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}); see ${logFile}`);
    try {
      const res = await fetch(`${baseUrl}${BARE_PATH}`, { method: "POST", body: "" });
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer within 60 s; see ${logFile}`);
}

let serverPid: number | undefined;
async function run(
  name: string,
  baseUrl: string,
  pathname: string,
  connections: number,
  seconds: number,
  request: { setupRequest?: autocannon.Request["setupRequest"]; body?: string } = {},
): Promise<Run> {
  const { setupRequest, body = "" } = request;
  const cpuBefore = serverCpuMs(serverPid);
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    // autocannon calls setupRequest whenever the key is present, so leave it out for the bare route.
    requests: [
      {
        method: "POST",
        path: pathname,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
        ...(setupRequest ? { setupRequest } : {}),
      },
    ],
  });
  // CPU per request is steadier than req/s on a shared machine: it is what throughput divides into.
  const cpuMs = (serverCpuMs(serverPid) - cpuBefore) / Math.max(1, result.requests.total);
  return {
    name,
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    cpuMs,
  };
}

async function main() {
  const build = process.argv.includes("--build");
  if (!build && !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error(
      "No production build: run `npm run bench:webhooks -- --build` (or build the way `npm start` does).",
    );
  }

  const tmp = mkdtempSync(path.join(os.tmpdir(), "bolt-bench-"));
  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(tmp, { recursive: true, force: true })];
  try {
    const { startEmbeddedPostgres } = await import("@/lib/dev/embedded-postgres");
    const pg = await startEmbeddedPostgres({ dataDir: path.join(tmp, "postgres"), persistent: false });
    cleanups.unshift(() => pg.stop());
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    Object.assign(process.env, {
      DATABASE_URL: pg.appUrl,
      AUTH_SECRET: randomBytes(24).toString("hex"),
      PUBLIC_BASE_URL: baseUrl,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: "http://127.0.0.1:9", // nothing is sent during the bench
      BOLT_BENCH_ROUTES: "true",
      RUN_JOBS_IN_PROCESS: "false",
      NEXT_TELEMETRY_DISABLED: "1",
    });

    if (build) {
      // After the environment is set: collecting page data imports modules that read it.
      const res = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
        cwd: root,
        stdio: "inherit",
      });
      if (res.status !== 0) throw new Error("next build failed");
    }

    const { migrateUp } = await import("@/lib/db/migrator");
    await migrateUp(pg.appUrl);
    const { db, disconnectDb } = await import("@/lib/db");
    const { signTwilioRequest } = await import("@/lib/telephony/signature");
    const hours = Object.fromEntries(
      ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ open: "09:00", close: "19:00" }]]),
    );
    await db.salon.create({
      data: { name: "Bench Salon", slug: "bench-salon", twilioNumber: SALON_NUMBER, businessHours: hours },
    });
    cleanups.unshift(disconnectDb);

    const logFile = path.join(tmp, "server.log");
    const out = openSync(logFile, "a");
    const child = spawn(
      process.execPath,
      [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
      {
        cwd: root,
        env: { ...process.env, NODE_ENV: "production" },
        stdio: ["ignore", out, out],
      },
    );
    cleanups.unshift(
      () =>
        new Promise<void>((resolve) =>
          child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM")),
        ),
    );
    await waitForServer(baseUrl, child, logFile);
    serverPid = child.pid;
    say(
      `next start on ${baseUrl} (server log: ${logFile}); ${duration}s per run; load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );

    // A fresh pool of signed requests per run: generous for this machine (~500 req/s × duration).
    const voice = () => ({ setupRequest: voiceRequestFactory(baseUrl, signTwilioRequest, 1_000 * duration) });
    // The bare route gets the same Twilio-shaped form (and reads it), so the baseline pays Next's
    // cost of a request body too, and the ratio is what the webhook's own work costs on top.
    const bare = {
      body: new URLSearchParams({
        AccountSid: ACCOUNT_SID,
        CallSid: `CA${"0".repeat(32)}`,
        CallStatus: "ringing",
        Direction: "inbound",
        From: "+14155560000",
        To: SALON_NUMBER,
      }).toString(),
    };
    // Warm both routes (JIT, route compilation, the salon cache, the connection pools).
    const voiceRuns: Run[] = [await run("warm-up voice", baseUrl, VOICE_PATH, 10, 3, voice())];
    await run("warm-up bare", baseUrl, BARE_PATH, 10, 2, bare);

    // Bare and voice alternate, so a burst of outside load hits both alike.
    const all: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const connections of [50, 5]) {
        all.push(await run("bare TwiML", baseUrl, BARE_PATH, connections, duration, bare));
        const voiceRun = await run("voice webhook", baseUrl, VOICE_PATH, connections, duration, voice());
        voiceRuns.push(voiceRun);
        all.push(voiceRun);
      }
    }
    report(rounds > 1 ? medians(all) : all, rounds);
    await checkVoiceWork(baseUrl, signTwilioRequest, voiceRuns, () => db.callLog.count());
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
