// `npx tsx bench/api-request.ts`: what one API list request costs. Starts `npm start`'s entry on a throwaway
// embedded database seeded with the demo salon (or uses `--base URL --key KEY`), creates an API key as the
// demo owner, and prints p50/p95 and req/s at 1 and 10 connections for GET <path> (default: a page of 50
// calls), the framework's floor (a bare route), and the SQL statements per request with PostgreSQL's own
// time for them (throwaway server only: counted from the cluster's statement log).
//   --profile            also a CPU profile of the server over the 1-connection run, by where time goes
//   --memory             rounds of API + voice webhook load, RSS after each, then idle and RSS again
//   --rounds N           memory rounds (default 3);  --idle-seconds S (default 300; --quick: 30)
//   --heap-snapshots     with --memory: heap snapshots after start, after load and after idle (paths printed)
//   --path /api/…        the request to measure;  BENCH_DURATION_SECONDS per run (default 5)
// Needs a production build (`npx next build`). Figures on a shared machine are noisy: compare runs made
// back to back.
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { cpuMs, createApiKeyAsDemoOwner, rssMb, runLoad, type LoadResult } from "./lib/api-load";
import { memoryRounds } from "./lib/api-memory";
import { summariseProfile } from "./lib/api-profile";
import { startBenchServer, type BenchServer } from "./lib/api-server";
import type { SqlTally } from "./lib/api-sql-log";

const { values: args } = parseArgs({
  options: {
    base: { type: "string" },
    key: { type: "string" },
    path: { type: "string", default: "/api/telephony/call-logs?limit=50" },
    profile: { type: "boolean", default: false },
    memory: { type: "boolean", default: false },
    rounds: { type: "string", default: "3" },
    "idle-seconds": { type: "string" },
    quick: { type: "boolean", default: false },
    "heap-snapshots": { type: "boolean", default: false },
  },
});
const seconds = Number(process.env.BENCH_DURATION_SECONDS ?? 5);
const say = (msg: string) => console.log(`[bench] ${msg}`);
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

function printLoad(name: string, r: LoadResult, serverCpuPerRequest?: number): void {
  const cpu = serverCpuPerRequest === undefined ? "" : `  server CPU ${fmt(serverCpuPerRequest, 2)} ms/req`;
  const bad = r.other + r.errors > 0 ? `  (${r.other} non-2xx, ${r.errors} errors!)` : "";
  console.log(
    `${name.padEnd(34)} ${String(r.connections).padStart(2)} conn  p50 ${fmt(r.p50).padStart(6)} ms  p95 ${fmt(r.p95).padStart(6)} ms  ${fmt(r.rps, 0).padStart(6)} req/s${cpu}${bad}`,
  );
}

function printSql(t: SqlTally, requests: number): void {
  const per = (n: number) => fmt(n / requests, 2);
  const kinds = Object.entries(t.byKind)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${per(n)}`)
    .join(", ");
  console.log(
    `SQL per request: ${per(t.statements)} statements (${kinds}); PostgreSQL's own time ${fmt(t.serverMs / requests, 3)} ms`,
  );
}

async function measure(server: { base: string; pid?: number }, key: string, sqlServer?: BenchServer): Promise<void> {
  const headers = { authorization: `Bearer ${key}` };
  const check = await fetch(`${server.base}${args.path}`, { headers });
  if (check.status !== 200) throw new Error(`GET ${args.path}: ${check.status} ${await check.text()}`);
  const body = (await check.json()) as { data?: unknown[] };
  say(`GET ${args.path} answers ${body.data?.length ?? "?"} rows; ${seconds}s per run; load ${os.loadavg()[0]!.toFixed(2)}`);
  await runLoad(server.base, { path: args.path, headers }, 10, 3); // warm-up: JIT, pools, caches
  await runLoad(server.base, { path: "/api/bench/twiml", method: "POST" }, 1, 1);

  for (const connections of [1, 10]) {
    const before = server.pid ? cpuMs(server.pid) : 0;
    const r = await runLoad(server.base, { path: args.path, headers }, connections, seconds);
    const served = r.ok + r.other;
    printLoad(`GET ${args.path.slice(0, 30)}`, r, server.pid ? (cpuMs(server.pid) - before) / served : undefined);
  }
  const floor = await runLoad(server.base, { path: "/api/bench/twiml", method: "POST" }, 1, seconds);
  printLoad("framework floor (bare route)", floor);
  if (floor.ok === 0) say("the bare route answered 404: start the server with BOLT_BENCH_ROUTES=true for the floor");

  if (sqlServer) {
    const requests = 200;
    const tally = await sqlServer.sql.during(sqlServer.adminUrl, async () => {
      for (let i = 0; i < requests; i++) await (await fetch(`${server.base}${args.path}`, { headers })).arrayBuffer();
    });
    printSql(tally, requests);
  }
}

async function profile(server: BenchServer, key: string, profileDir: string): Promise<void> {
  const headers = { authorization: `Bearer ${key}` };
  await runLoad(server.base, { path: args.path, headers }, 10, 3);
  const from = process.hrtime.bigint() / 1000n;
  const r = await runLoad(server.base, { path: args.path, headers }, 1, seconds);
  const to = process.hrtime.bigint() / 1000n;
  await server.stop();
  // The main thread's profile is the big one (tsx's loader thread writes a small one too).
  const file = readdirSync(profileDir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .sort((a, b) => statSync(path.join(profileDir, b)).size - statSync(path.join(profileDir, a)).size)[0];
  if (!file) throw new Error(`no CPU profile in ${profileDir}`);
  say(`CPU profile ${path.join(profileDir, file)}: ${r.ok} requests at 1 connection`);
  summariseProfile(path.join(profileDir, file), { from, to }, r.ok);
}

async function main() {
  if (args.base) {
    const key = args.key ?? (await createApiKeyAsDemoOwner(args.base));
    say(`measuring ${args.base} (no statement count: the server's database log is not ours to read)`);
    await measure({ base: args.base }, key);
    return;
  }
  const profileDir = args.profile ? mkdtempSync(path.join(os.tmpdir(), "bolt-api-profile-")) : undefined;
  process.env.BOLT_BENCH_ROUTES = "true";
  const started = Date.now();
  const server = await startBenchServer({ cpuProfileDir: profileDir, heapSnapshots: args["heap-snapshots"] });
  let stopped = false;
  try {
    say(`server ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${server.base} (pid ${server.pid}, log ${server.logFile}); RSS ${rssMb(server.pid)} MB`);
    const key = await createApiKeyAsDemoOwner(server.base);
    if (args.memory) {
      const idleSeconds = Number(args["idle-seconds"] ?? (args.quick ? 30 : 300));
      await memoryRounds(server, key, { path: args.path, rounds: Number(args.rounds), seconds, idleSeconds, heapSnapshots: args["heap-snapshots"] });
    } else if (profileDir) {
      await profile(server, key, profileDir);
      stopped = true;
    } else {
      await measure(server, key, server);
    }
  } finally {
    if (!stopped) await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
