// `npm run bench:scale`: Bolt at a thousand salons. Grows (once) a database to 1,000 salons holding 1M call
// logs and 1M notifications over 90 days (the demo salon 10,000 of each) plus appointments and inbound texts,
// and a demo-sized one; starts a server on each the way `npm start` does (one build, side by side); then
// prints in one table each list request's p50/p95 at 1 and 10 connections next to its own SQL time at 1M
// (EXPLAIN ANALYZE as the app's salon role, RLS on), the admin pages' TTFB, the worker sweeps' time and
// rows read, the servers' RSS (after start, after each of three rounds of the same load, after idle),
// start-up time, and queuing 10,000 reminders.
//
// Needs a production build (`-- --build` makes one). Knobs: BENCH_SCALE_DIR (kept between runs; default
// <tmp>/bolt-bench-scale), BENCH_SCALE_SALONS (1000), BENCH_SCALE_ROWS (1,000,000), BENCH_SCALE_DEMO_ROWS
// (10,000), BENCH_DURATION_SECONDS (5 per run), BENCH_IDLE_SECONDS (300; `--quick`: 30 s and 3 s runs).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { appUrlOf, ensureGrown, pointClientsAt, type Grown } from "./lib/scale-grow";
import { cursorPagePath, loadList, pageTimes, signInOwner, type LoadResult } from "./lib/scale-load";
import {
  listSql,
  measureReminderEnqueue,
  measureSweeps,
  type ListRequest,
  type SqlFigure,
} from "./lib/scale-measure";
import { medianLoads, printReport, type ServerFigures } from "./lib/scale-report";
import { startScaleServer, type ScaleServer } from "./lib/scale-server";

const root = path.resolve(import.meta.dirname, "..");
const quick = process.argv.includes("--quick");
const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const plan = {
  salons: knob("BENCH_SCALE_SALONS", 1000),
  rows: knob("BENCH_SCALE_ROWS", 1_000_000),
  demoRows: knob("BENCH_SCALE_DEMO_ROWS", 10_000),
  days: 90,
};
const seconds = knob("BENCH_DURATION_SECONDS", quick ? 3 : 5);
const idleSeconds = knob("BENCH_IDLE_SECONDS", quick ? 30 : 300);
const ROUNDS = 3;
const scaleDir = path.resolve(process.env.BENCH_SCALE_DIR ?? path.join(os.tmpdir(), "bolt-bench-scale"));
const say = (msg: string) => console.log(`[bench] ${msg}`);
const DEMO_LOGIN = { email: "owner@demo.bolt", password: "demo-owner-pass" };
const PAGES = ["/", "/calls", "/notifications", "/messages"];

/** The requests in the table; the cursor page's path is found per server by walking the list. */
function listRequests(now: Date): ListRequest[] {
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  return [
    { name: "calls, newest", path: "/api/telephony/call-logs?limit=50", table: "call_logs" },
    {
      name: "calls, outcome=MISSED",
      path: "/api/telephony/call-logs?limit=50&outcome=MISSED",
      table: "call_logs",
    },
    {
      name: "notifications, status=FAILED",
      path: "/api/telephony/notifications?limit=50&status=FAILED",
      table: "notifications",
    },
    { name: "calls, cursor page 21", path: "/api/telephony/call-logs?limit=50", table: "call_logs" },
    {
      name: "calls, date range (7 days)",
      path: `/api/telephony/call-logs?limit=50&from=${day(37)}&to=${day(31)}`,
      table: "call_logs",
    },
  ];
}
const isCursorPage = (r: ListRequest) => r.name.includes("cursor page");

async function grow(): Promise<{ demo: Grown; big: Grown }> {
  const demo = await ensureGrown(path.join(scaleDir, "demo"), null, say);
  const big = await ensureGrown(path.join(scaleDir, "scale"), plan, say);
  const grewNow = demo.grewNow || big.grewNow;
  say(
    `${grewNow ? "grew" : "reused"} the databases in ${scaleDir} (growing took ${demo.grewSeconds.toFixed(0)} s + ${big.grewSeconds.toFixed(0)} s` +
      `${grewNow ? "" : ", on an earlier run"})`,
  );
  return { demo, big };
}

function buildIfAsked() {
  if (process.argv.includes("--build")) {
    const res = spawnSync(
      process.execPath,
      [path.join(root, "node_modules/next/dist/bin/next"), "build", "--webpack"],
      {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      },
    );
    if (res.status !== 0) throw new Error("next build failed");
  }
  if (!existsSync(path.join(root, ".next", "BUILD_ID")))
    throw new Error(
      "No production build: run `npm run bench:scale -- --build` (or build the way `npm start` does).",
    );
}

/** One round: every request at 1 and at 10 connections, the two servers taking turns. */
async function loadRound(
  servers: Array<{ s: ScaleServer; g: Grown; paths: Map<string, string> }>,
  requests: ListRequest[],
  secs: number,
) {
  const out = servers.map(() => new Map<string, LoadResult>());
  for (const request of requests)
    for (const connections of [1, 10])
      for (const [i, { s, g, paths }] of servers.entries())
        out[i]!.set(
          `${request.name}@${connections}`,
          await loadList(s.baseUrl, paths.get(request.name)!, g.apiKey, connections, secs, s.pid),
        );
  return out;
}

async function main() {
  buildIfAsked();
  const { demo, big } = await grow();
  const serverEnv = {
    NODE_ENV: "production",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    // Still counted on every request (the cost stays in), just never refused.
    API_RATE_LIMIT_POINTS: "1000000000",
  };
  const servers: ScaleServer[] = [];
  try {
    // One after the other, so neither start-up competes with the other.
    for (const [name, g] of [
      ["demo", demo],
      ["1M", big],
    ] as const) {
      say(`starting the ${name} server (scripts/start.ts on ${g.dataDir})…`);
      const s = await startScaleServer(name, g.dataDir, serverEnv);
      say(`${name} ready in ${s.startupSeconds.toFixed(1)} s at ${s.baseUrl} (log: ${s.logFile})`);
      servers.push(s);
    }
    const [demoServer, bigServer] = servers as [ScaleServer, ScaleServer];
    const figures: ServerFigures[] = servers.map((s) => ({
      name: s.name,
      startupSeconds: s.startupSeconds,
      rss: { start: s.rssMb(), rounds: [], idle: NaN },
      loads: new Map(),
      pages: new Map(),
    }));
    const now = new Date();
    const requests = listRequests(now);
    const targets = [];
    for (const [s, g] of [
      [demoServer, demo],
      [bigServer, big],
    ] as const) {
      const paths = new Map<string, string>();
      for (const r of requests) {
        if (!isCursorPage(r)) paths.set(r.name, r.path);
        else {
          const reached = await cursorPagePath(s.baseUrl, r.path, g.apiKey, 21);
          paths.set(r.name, reached.path);
          if (reached.page < 21)
            say(`${s.name}: the list has ${reached.page} pages; "${r.name}" loads the last`);
        }
      }
      targets.push({ s, g, paths });
    }
    const load = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
    say(
      `warming up, then ${ROUNDS} rounds of ${requests.length} requests × 2 connection counts × ${seconds}s on each server…`,
    );
    await loadRound(targets, requests, 1);
    const rounds: Array<Array<Map<string, LoadResult>>> = [];
    for (let round = 1; round <= ROUNDS; round++) {
      rounds.push(await loadRound(targets, requests, seconds));
      servers.forEach((s, i) => figures[i]!.rss.rounds.push(s.rssMb()));
      say(
        `round ${round}: RSS ${servers.map((s, i) => `${s.name} ${figures[i]!.rss.rounds.at(-1)} MB`).join(", ")}`,
      );
    }
    figures.forEach((f, i) => (f.loads = medianLoads(rounds.map((r) => r[i]!))));
    for (const [i, s] of servers.entries()) {
      const jar = await signInOwner(s.baseUrl, DEMO_LOGIN.email, DEMO_LOGIN.password);
      for (const page of PAGES) figures[i]!.pages.set(page, await pageTimes(s.baseUrl, page, jar, 5));
    }

    // Idle from here for the servers: the database-side figures are taken meanwhile, in this process.
    const idleUntil = Date.now() + idleSeconds * 1000;
    say(`servers idle for ${idleSeconds}s; meanwhile the SQL, the sweeps and the reminders at 1M…`);
    await pointClientsAt(appUrlOf(big.dataDir), big.dataDir);
    const sql = new Map<string, SqlFigure>();
    for (const r of requests)
      sql.set(r.name, await listSql(big.salonId, { ...r, path: targets[1]!.paths.get(r.name)! }));
    const sweeps = await measureSweeps(new Date());
    const reminders = await measureReminderEnqueue(new Date(), plan.salons - 1);
    await (await import("@/lib/db/close-clients")).closeDatabaseClients();
    if (Date.now() < idleUntil) await sleep(idleUntil - Date.now());
    servers.forEach((s, i) => (figures[i]!.rss.idle = s.rssMb()));

    printReport({
      requests: requests.map((r) => r.name),
      demo: figures[0]!,
      big: figures[1]!,
      sql,
      sweeps,
      reminders,
      rounds: ROUNDS,
      seconds,
      idleSeconds,
      load,
    });
  } finally {
    for (const s of servers) await s.stop();
  }
}

main().catch((err: unknown) => {
  console.error("[bench] failed:", err);
  process.exitCode = 1;
});
