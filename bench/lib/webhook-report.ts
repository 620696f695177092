// The figures bench/webhooks.ts prints: one row per run (or the medians of several rounds), the
// throughput ratio at 50 connections and the p99 at 5, each against the goal.

export type Run = {
  name: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  /** Requests answered 2xx: for the voice webhook, each one must have logged a call. */
  ok: number;
  non2xx: number;
  errors: number;
  cpuMs: number;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export function medians(all: Run[]): Run[] {
  const keys = [...new Set(all.map((r) => `${r.connections}|${r.name}`))];
  return keys.map((key) => {
    const same = all.filter((r) => `${r.connections}|${r.name}` === key);
    const first = same[0] as Run;
    return {
      ...first,
      rps: median(same.map((r) => r.rps)),
      p50: median(same.map((r) => r.p50)),
      p99: median(same.map((r) => r.p99)),
      ok: same.reduce((n, r) => n + r.ok, 0),
      non2xx: same.reduce((n, r) => n + r.non2xx, 0),
      errors: same.reduce((n, r) => n + r.errors, 0),
      cpuMs: median(same.map((r) => r.cpuMs)),
    };
  });
}

export function report(runs: Run[], rounds: number): void {
  if (rounds > 1) console.log(`\nmedians of ${rounds} rounds`);
  console.log("\nroute           conns     req/s   p50 ms   p99 ms   server CPU ms/req   non-2xx  errors");
  for (const r of runs) {
    console.log(
      `${r.name.padEnd(15)} ${String(r.connections).padStart(5)} ${r.rps.toFixed(0).padStart(9)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.cpuMs.toFixed(2).padStart(19)} ${String(r.non2xx).padStart(9)} ${String(r.errors).padStart(7)}`,
    );
  }
  const find = (name: string, c: number) => runs.find((r) => r.name === name && r.connections === c);
  const bare50 = find("bare TwiML", 50);
  const voice50 = find("voice webhook", 50);
  const voice5 = find("voice webhook", 5);
  if (!bare50 || !voice50 || !voice5) return;
  const ratio = voice50.rps / bare50.rps;
  console.log(
    `\nthroughput ratio at 50 connections: ${ratio.toFixed(2)}× (goal ≥ 0.70×) ${ratio >= 0.7 ? "PASS" : "MISS"}`,
  );
  console.log(
    `server CPU per request, bare ÷ voice at 50 connections: ${(bare50.cpuMs / voice50.cpuMs).toFixed(2)}× (what the ratio tends to on an idle machine, before PostgreSQL's share)`,
  );
  console.log(
    `voice p99 at 5 connections: ${voice5.p99.toFixed(1)} ms (goal ≤ 20 ms) ${voice5.p99 <= 20 ? "PASS" : "MISS"}`,
  );
  if (voice50.non2xx || voice5.non2xx)
    console.log("WARNING: the voice webhook answered non-2xx; see the server log.");
}
