// Load for bench/api-request.ts: autocannon runs with every response time kept (autocannon's own summary
// has no p95), the demo owner's sign-in and an API key made through the API, and the server's RSS.
import type { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { probeClient } from "./probe-client";

export type LoadResult = { connections: number; rps: number; p50: number; p95: number; ok: number; other: number; errors: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runLoad(
  base: string,
  request: { path: string; method?: string; headers?: Record<string, string>; setupRequest?: autocannon.Request["setupRequest"] },
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const times: number[] = [];
  // Without a callback autocannon returns its tracker, an EventEmitter that is also thenable.
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        method: (request.method ?? "GET") as autocannon.Request["method"],
        path: request.path,
        headers: request.headers ?? {},
        ...(request.setupRequest ? { setupRequest: request.setupRequest } : {}),
      },
    ],
  }) as unknown as Promise<autocannon.Result> & EventEmitter;
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    connections,
    rps: result.requests.total / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    ok: result["2xx"],
    other: result.non2xx,
    errors: result.errors,
  };
}

/** Signs in as the demo owner and creates an API key through the API, as a salon would. */
export async function createApiKeyAsDemoOwner(base: string): Promise<string> {
  const client = probeClient(base);
  const jar = new Map<string, string>();
  const outcome = await client.signIn(jar, "owner@demo.bolt", "demo-owner-pass", await client.csrf(jar));
  if (outcome !== "ok") throw new Error(`demo owner sign-in: ${outcome}`);
  const res = await fetch(`${base}/api/api-keys`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: client.cookieHeader(jar), origin: new URL(base).origin },
    body: JSON.stringify({ name: "api-request bench" }),
  });
  if (res.status !== 201) throw new Error(`creating an API key: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { key: string }).key;
}

export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Math.round(Number(kb) / 1024);
}

/** The server's CPU time so far (user + system, ms) from /proc. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
