// `bench/api-request.ts --profile`: where a request's CPU time goes, from a V8 CPU profile of the server
// (node --cpu-prof) cut to the measured run. Samples are bucketed by the innermost frame that says where it
// is from: a package loaded from node_modules, Next itself, Node's core, or a module of the production bundle
// (.next/server/chunks, minified: each webpack module is recognised by what its source contains).
import { readFileSync } from "node:fs";

type Frame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: Frame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

// Checked in order against a bundled module's source; the first match names it.
const BUNDLED: Array<[string, RegExp]> = [
  ["rate limits (rate-limiter-flexible)", /RateLimiter|rate_limits/],
  ["Prisma client", /PrismaClient|prisma-client|@prisma\/|queryCompiler|\$transaction/],
  ["zod", /ZodError|_zod|"\$ZodType"/],
  ["Auth.js / jose", /authjs|next-auth|JWE|jose/],
];

const NODE_MODULES: Array<[string, RegExp]> = [
  ["pg driver", /node_modules\/(pg|pg-protocol|pg-pool|pg-types|pgpass)\//],
  ["logging (pino)", /node_modules\/(pino|sonic-boom|thread-stream|fast-redact|pino-std-serializers)\//],
  ["Next.js framework", /node_modules\/next\//],
  ["tsx loader", /node_modules\/(tsx|esbuild)\//],
];

/** Where each webpack module starts in a chunk, and what it is. */
function chunkIndex(file: string): { starts: number[]; labels: string[] } {
  const source = readFileSync(file, "utf8");
  const starts: number[] = [];
  const labels: string[] = [];
  const boundary = /[{,]\d{1,6}:(?:\([a-z,]*\)|[a-z])=>\{|[{,]\d{1,6}:function\(/g;
  for (let m = boundary.exec(source); m; m = boundary.exec(source)) starts.push(m.index);
  for (let i = 0; i < starts.length; i++) {
    const text = source.slice(starts[i], starts[i + 1] ?? source.length);
    labels.push(BUNDLED.find(([, re]) => re.test(text))?.[0] ?? "Bolt's own code (bundled)");
  }
  return { starts, labels };
}

function categoriser() {
  const chunks = new Map<string, ReturnType<typeof chunkIndex>>();
  return (frame: Frame): string | null => {
    const { functionName, url } = frame;
    if (functionName === "(idle)") return "(idle)";
    if (functionName === "(garbage collector)") return "garbage collection";
    if (functionName === "(program)") return "V8 / native (program)";
    if (url.startsWith("wasm://")) return "Prisma client"; // the query compiler is WebAssembly
    if (url.includes("/.next/server/")) {
      const file = url.replace(/^file:\/\//, "");
      if (!chunks.has(file)) chunks.set(file, chunkIndex(file));
      const { starts, labels } = chunks.get(file)!;
      // Minified bundles are one line: the column is the offset.
      let lo = 0;
      let hi = starts.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! <= frame.columnNumber) {
          at = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return at >= 0 ? labels[at]! : "Bolt's own code (bundled)";
    }
    for (const [label, re] of NODE_MODULES) if (re.test(url)) return label;
    if (url.includes("node_modules/")) return `other package (${/node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1]})`;
    if (url.startsWith("node:") || (url === "" && functionName !== "")) return "Node core (http, streams, crypto…)";
    if (url.includes("/lib/") || url.includes("/scripts/")) return "Bolt's own code (unbundled: start script, sandbox, worker)";
    return null; // anonymous glue: attribute to the caller
  };
}

export function summariseProfile(file: string, window: { from: bigint; to: bigint }, requests: number): void {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const categorise = categoriser();
  const cache = new Map<number, { self: string; inclusive: Set<string> }>();
  const place = (id: number) => {
    let hit = cache.get(id);
    if (hit) return hit;
    let self: string | null = null;
    const inclusive = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const label = categorise(byId.get(at)!.callFrame);
      if (!label) continue;
      self ??= label;
      inclusive.add(label);
    }
    hit = { self: self ?? "unattributed", inclusive };
    cache.set(id, hit);
    return hit;
  };

  const selfUs = new Map<string, number>();
  const functionUs = new Map<string, number>();
  const functionName = (id: number) => {
    const f = byId.get(id)!.callFrame;
    const where = f.url.replace(/^.*node_modules\//, "").replace(/^.*\/\.next\//, ".next/");
    return `${f.functionName || "(anonymous)"} ${where}${where ? `:${f.lineNumber + 1}:${f.columnNumber + 1}` : ""}`;
  };
  const inclusiveUs = new Map<string, number>();
  let t = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    if (t < Number(window.from) || t > Number(window.to)) continue;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const { self, inclusive } = place(profile.samples[i]!);
    selfUs.set(self, (selfUs.get(self) ?? 0) + dt);
    const fn = functionName(profile.samples[i]!);
    functionUs.set(fn, (functionUs.get(fn) ?? 0) + dt);
    for (const label of inclusive) inclusiveUs.set(label, (inclusiveUs.get(label) ?? 0) + dt);
    total += dt;
  }
  if (total === 0) throw new Error("the profile has no samples in the measured window (clock mismatch?)");
  const busy = total - (selfUs.get("(idle)") ?? 0);
  console.log(
    `wall ${(total / 1000).toFixed(0)} ms over ${requests} requests = ${(total / 1000 / requests).toFixed(2)} ms/request, of which CPU ${(busy / 1000 / requests).toFixed(2)} ms`,
  );
  console.log("where the server's time goes (ms per request: self, and including what it calls)");
  for (const [label, us] of [...selfUs].sort((a, b) => b[1] - a[1])) {
    const inc = inclusiveUs.get(label) ?? us;
    console.log(
      `  ${label.padEnd(58)} self ${(us / 1000 / requests).toFixed(3).padStart(6)}  incl ${(inc / 1000 / requests).toFixed(3).padStart(6)}  (${((us / total) * 100).toFixed(1)}% of wall)`,
    );
  }
  console.log("busiest functions (self ms per request)");
  const busiest = [...functionUs].filter(([name]) => !name.startsWith("(idle)")).sort((a, b) => b[1] - a[1]);
  for (const [name, us] of busiest.slice(0, 15)) console.log(`  ${(us / 1000 / requests).toFixed(3).padStart(6)}  ${name.slice(0, 110)}`);
}
