// `bench/api-request.ts --memory`: the server's RSS after start, after each round of the same load (API list
// requests, then signed incoming calls on the voice webhook, which also feed the job worker and the Twilio
// sandbox), and after idling; optionally a heap snapshot at each of the three points to compare.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import path from "node:path";
import { rssMb, runLoad } from "./api-load";
import type { BenchServer } from "./api-server";
import { VOICE_PATH, voiceRequestFactory } from "./voice-traffic";

type MemoryOptions = { path: string; rounds: number; seconds: number; idleSeconds: number; heapSnapshots: boolean };
const say = (msg: string) => console.log(`[bench] ${msg}`);

/** Asks the server (started with --heapsnapshot-signal) for a snapshot and waits until it is written. */
async function heapSnapshot(server: BenchServer, label: string): Promise<void> {
  const list = () => readdirSync(server.tmp).filter((f) => f.endsWith(".heapsnapshot"));
  const before = new Set(list());
  process.kill(server.pid, "SIGUSR2");
  for (let i = 0; i < 600; i++) {
    await sleep(500);
    const file = list().find((f) => !before.has(f));
    if (!file) continue;
    const size = statSync(path.join(server.tmp, file)).size;
    await sleep(1_000);
    if (statSync(path.join(server.tmp, file)).size === size && size > 0) {
      say(`heap snapshot ${label}: ${path.join(server.tmp, file)}`);
      return;
    }
  }
  throw new Error("no heap snapshot within 5 minutes");
}

/** The server's latest own account of its memory (scripts/start.ts logs one every 2 s). */
function heapLine(server: BenchServer): string {
  const lines = readFileSync(server.logFile, "utf8").split("\n").filter((l) => l.includes("memory MB:"));
  return lines.at(-1)?.replace(/^.*memory MB: /, "") ?? "(no memory line in the server log)";
}

export async function memoryRounds(server: BenchServer, key: string, opts: MemoryOptions): Promise<void> {
  const { signTwilioRequest } = await import("@/lib/telephony/signature");
  const headers = { authorization: `Bearer ${key}` };
  const atStart = rssMb(server.pid);
  say(`RSS after start: ${atStart} MB (${heapLine(server)})`);
  if (opts.heapSnapshots) await heapSnapshot(server, "after start");

  const afterRounds: number[] = [];
  for (let round = 1; round <= opts.rounds; round++) {
    const api = await runLoad(server.base, { path: opts.path, headers }, 10, opts.seconds);
    const voice = await runLoad(
      server.base,
      {
        path: VOICE_PATH,
        method: "POST",
        setupRequest: voiceRequestFactory(server.base, signTwilioRequest, 1_000 * opts.seconds),
      },
      10,
      opts.seconds,
    );
    afterRounds.push(rssMb(server.pid));
    say(
      `round ${round}: ${api.ok} API requests (${api.other + api.errors} not 2xx), ${voice.ok} incoming calls (${voice.other + voice.errors} not 2xx); RSS ${afterRounds.at(-1)} MB (${heapLine(server)})`,
    );
  }
  if (opts.heapSnapshots) await heapSnapshot(server, "after load");

  const samples: string[] = [];
  for (let waited = 0; waited < opts.idleSeconds; ) {
    const step = Math.min(30, opts.idleSeconds - waited);
    await sleep(step * 1_000);
    waited += step;
    samples.push(`${waited}s ${rssMb(server.pid)}`);
  }
  const idle = rssMb(server.pid);
  say(`idle RSS (MB): ${samples.join(", ")} (${heapLine(server)})`);
  if (opts.heapSnapshots) await heapSnapshot(server, "after idle");
  const maxLoad = Math.max(...afterRounds);
  console.log(
    `RSS MB: start ${atStart} | after rounds ${afterRounds.join(" → ")} (max ${maxLoad}, start + ${maxLoad - atStart}) | after ${opts.idleSeconds}s idle ${idle} (${(((idle - atStart) / atStart) * 100).toFixed(0)}% of start above it)`,
  );
}
