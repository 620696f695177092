// How `npm start` stops: each piece in a fixed order, each within its own time limit, so a dead
// PostgreSQL or a stuck request cannot keep the process (and the ports it holds) alive.
import type { Server } from "node:http";

export type StopStepName = "web server" | "job worker" | "database clients" | "Twilio sandbox" | "Stripe sandbox" | "PostgreSQL";

// Nothing new comes in, work in hand finishes, clients let go, then what they talked to. The limits
// add up to 9.5 s: inside the 10 s a supervisor (or someone at Ctrl-C) waits before killing.
const STEPS: ReadonlyArray<{ name: StopStepName; limitMs: number }> = [
  { name: "web server", limitMs: 2_000 },
  { name: "job worker", limitMs: 3_000 },
  { name: "database clients", limitMs: 1_500 },
  { name: "Twilio sandbox", limitMs: 500 },
  { name: "Stripe sandbox", limitMs: 500 },
  { name: "PostgreSQL", limitMs: 2_000 },
];

export type Shutdown = {
  /** What stops a piece, registered once it has started (pieces that never started are not stopped). */
  add(name: StopStepName, stop: () => Promise<void>): void;
  /** Runs the registered steps in order; one that fails or overruns its limit is logged and passed. */
  run(): Promise<{ skipped: StopStepName[] }>;
};

export function createShutdown(
  log: (message: string) => void,
  limitsMs: Partial<Record<StopStepName, number>> = {},
): Shutdown {
  const registered = new Map<StopStepName, () => Promise<void>>();
  return {
    add(name, stop) {
      registered.set(name, stop);
    },
    async run() {
      const skipped: StopStepName[] = [];
      for (const { name, limitMs } of STEPS) {
        const stop = registered.get(name);
        if (!stop) continue;
        const limit = limitsMs[name] ?? limitMs;
        try {
          if ((await within(limit, stop)) === "overran") {
            skipped.push(name);
            log(`${name} did not stop within ${limit / 1000}s: skipped, going on`);
          }
        } catch (err) {
          skipped.push(name);
          log(`${name} failed to stop (${err instanceof Error ? err.message : String(err)}): going on`);
        }
      }
      return { skipped };
    },
  };
}

/** Stops accepting connections and resolves once open requests finish (idle keep-alives are closed). */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeIdleConnections();
  });
}

async function within(limitMs: number, work: () => Promise<void>): Promise<"done" | "overran"> {
  let timer: NodeJS.Timeout | undefined;
  const overran = new Promise<"overran">((resolve) => {
    timer = setTimeout(() => resolve("overran"), limitMs);
  });
  try {
    return await Promise.race([
      Promise.resolve()
        .then(work)
        .then(() => "done" as const),
      overran,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
