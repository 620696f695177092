// HTTP load for bench:scale: autocannon against a list URL with the bench's API key (p50/p95 from every
// response's own latency: autocannon's summary has no p95), the cursor walk to page 21, and the admin
// pages' time to first byte for a signed-in owner.
import autocannon from "autocannon";
import { cpuMs } from "./api-load";
import { probeClient, type Jar } from "./probe-client";

export type LoadResult = {
  p50: number;
  p95: number;
  rps: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** The server process's CPU time (user + system) per answered request: what outside load inflates least. */
  cpuMsPerRequest: number;
};

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;

export function loadList(
  baseUrl: string,
  pathname: string,
  apiKey: string,
  connections: number,
  seconds: number,
  serverPid: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const cpuBefore = cpuMs(serverPid);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${baseUrl}${pathname}`,
        connections,
        duration: seconds,
        headers: { authorization: `Bearer ${apiKey}` },
      },
      (err, result) => {
        if (err) return reject(err);
        latencies.sort((a, b) => a - b);
        resolve({
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          rps: result.requests.average,
          ok: result["2xx"],
          non2xx: result.non2xx,
          errors: result.errors,
          cpuMsPerRequest: (cpuMs(serverPid) - cpuBefore) / Math.max(1, result["2xx"] + result.non2xx),
        });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
    });
  });
}

/**
 * Follows nextCursor up to `pages - 1` times; returns the path of the page reached and its number (a
 * demo-sized salon may have fewer pages: then its last one).
 */
export async function cursorPagePath(
  baseUrl: string,
  listPath: string,
  apiKey: string,
  pages: number,
): Promise<{ path: string; page: number }> {
  let cursor: string | null = null;
  let page = 1;
  const pathOf = (c: string | null) => `${listPath}${c ? `&cursor=${encodeURIComponent(c)}` : ""}`;
  for (; page < pages; page++) {
    const url: string = `${baseUrl}${pathOf(cursor)}`;
    const res: Response = await fetch(url, { headers: { authorization: `Bearer ${apiKey}` } });
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    const next = ((await res.json()) as { nextCursor: string | null }).nextCursor;
    if (!next) break;
    cursor = next;
  }
  return { path: pathOf(cursor), page };
}

/** A signed-in owner's cookie jar (Auth.js credentials sign-in, as the browser does it). */
export async function signInOwner(baseUrl: string, email: string, password: string): Promise<Jar> {
  const client = probeClient(baseUrl);
  const jar: Jar = new Map();
  const outcome = await client.signIn(jar, email, password, await client.csrf(jar));
  if (outcome !== "ok") throw new Error(`sign-in as ${email} failed: ${outcome}`);
  return jar;
}

/** Median time to first byte and to the last byte of `tries` GETs of a page (a first, warming GET left out). */
export async function pageTimes(
  baseUrl: string,
  pathname: string,
  jar: Jar,
  tries: number,
): Promise<{ ttfb: number; full: number }> {
  const cookie = probeClient(baseUrl).cookieHeader(jar);
  const ttfbs: number[] = [];
  const fulls: number[] = [];
  for (let i = 0; i <= tries; i++) {
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}${pathname}`, { headers: { cookie }, redirect: "manual" });
    const ttfb = performance.now() - t0;
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${pathname}: ${res.status} (not signed in?)`);
    if (i > 0) {
      ttfbs.push(ttfb);
      fulls.push(performance.now() - t0);
    }
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { ttfb: mid(ttfbs), full: mid(fulls) };
}
