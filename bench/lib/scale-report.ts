// bench:scale's one table: list requests side by side (demo vs 1M, 1 and 10 connections) next to their SQL
// at 1M, then the admin pages, the sweeps, memory, start-up and the reminder enqueue.
import type { LoadResult } from "./scale-load";
import type { SqlFigure, SweepFigure } from "./scale-measure";

export type ServerFigures = {
  name: string;
  startupSeconds: number;
  rss: { start: number; rounds: number[]; idle: number };
  loads: Map<string, LoadResult>; // key: `${request}@${connections}`
  pages: Map<string, { ttfb: number; full: number }>;
};

const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : n.toFixed(0)) : "-");
const pad = (s: string, n: number) => s.padEnd(n);
const lat = (r: LoadResult | undefined, withRps: boolean) =>
  r
    ? `${ms(r.p50)}/${ms(r.p95)}${withRps ? ` (${r.rps.toFixed(0)}/s, ${r.cpuMsPerRequest.toFixed(1)} ms CPU)` : ""}${r.non2xx || r.errors ? ` !${r.non2xx + r.errors}` : ""}`
    : "-";

/** Medians per key across rounds: a burst of outside load in one round moves the figures less. */
export function medianLoads(rounds: Array<Map<string, LoadResult>>): Map<string, LoadResult> {
  const out = new Map<string, LoadResult>();
  const mid = <T>(xs: T[], f: (x: T) => number) =>
    xs.map(f).sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const key of rounds[0]?.keys() ?? []) {
    const runs = rounds.map((r) => r.get(key)!).filter(Boolean);
    out.set(key, {
      p50: mid(runs, (r) => r.p50),
      p95: mid(runs, (r) => r.p95),
      rps: mid(runs, (r) => r.rps),
      cpuMsPerRequest: mid(runs, (r) => r.cpuMsPerRequest),
      ok: runs.reduce((s, r) => s + r.ok, 0),
      non2xx: runs.reduce((s, r) => s + r.non2xx, 0),
      errors: runs.reduce((s, r) => s + r.errors, 0),
    });
  }
  return out;
}

export function printReport(input: {
  requests: string[];
  demo: ServerFigures;
  big: ServerFigures;
  sql: Map<string, SqlFigure>;
  sweeps: SweepFigure[];
  reminders: { queued: number; seconds: number } | null;
  rounds: number;
  seconds: number;
  idleSeconds: number;
  load: string;
}) {
  const { demo, big } = input;
  const line = (cols: string[], widths: number[]) =>
    console.log(cols.map((c, i) => pad(c, widths[i]!)).join(" | "));
  const w = [30, 12, 30, 12, 30, 34];
  console.log("");
  console.log(
    `p50/p95 ms (req/s and the server's CPU per request at 10 connections); medians of ${input.rounds} rounds of ${input.seconds}s per run; "!n" = non-2xx/errors. Load average at start: ${input.load}`,
  );
  line(
    [
      "request (limit 50)",
      "demo 1 conn",
      "demo 10 conn",
      "1M 1 conn",
      "1M 10 conn",
      "SQL at 1M (salon role, RLS on)",
    ],
    w,
  );
  line(
    w.map((n) => "-".repeat(n)),
    w,
  );
  for (const name of input.requests) {
    const sql = input.sql.get(name);
    line(
      [
        name,
        lat(demo.loads.get(`${name}@1`), false),
        lat(demo.loads.get(`${name}@10`), true),
        lat(big.loads.get(`${name}@1`), false),
        lat(big.loads.get(`${name}@10`), true),
        sql ? `${sql.ms.toFixed(2)} ms, ${sql.rowsRead} rows, ${sql.pages} pages` : "-",
      ],
      w,
    );
  }
  console.log("");
  line(["admin page (owner)", "demo TTFB", "demo full", "1M TTFB", "1M full"], [30, 12, 12, 12, 12]);
  for (const [page, d] of demo.pages) {
    const b = big.pages.get(page);
    line(
      [page, `${ms(d.ttfb)} ms`, `${ms(d.full)} ms`, `${ms(b?.ttfb ?? NaN)} ms`, `${ms(b?.full ?? NaN)} ms`],
      [30, 12, 12, 12, 12],
    );
  }
  console.log("");
  line(["sweep at 1M (system client)", "call", "SQL", "rows read", "pages", "plan"], [38, 10, 10, 10, 8, 50]);
  for (const s of input.sweeps)
    line(
      [
        s.name,
        `${ms(s.wallMs)} ms`,
        `${s.ms.toFixed(2)} ms`,
        String(s.rowsRead),
        String(s.pages),
        s.scans.join(", "),
      ],
      [38, 10, 10, 10, 8, 50],
    );
  console.log("");
  line(
    ["server RSS (MB)", "after start", "after rounds 1/2/3", `after ${input.idleSeconds}s idle`],
    [30, 12, 20, 16],
  );
  for (const s of [demo, big])
    line([s.name, String(s.rss.start), s.rss.rounds.join(" / "), String(s.rss.idle)], [30, 12, 20, 16]);
  console.log("");
  console.log(
    `start-up (spawn → answers HTTP): demo ${demo.startupSeconds.toFixed(1)} s, 1M ${big.startupSeconds.toFixed(1)} s`,
  );
  if (input.reminders)
    console.log(
      `reminders at 1M: queued ${input.reminders.queued} in ${input.reminders.seconds.toFixed(1)} s (${((input.reminders.seconds * 1000) / Math.max(1, input.reminders.queued)).toFixed(1)} ms each)`,
    );
}
