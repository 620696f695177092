// Fault-test kit: the Twilio stand-in and the job worker, each in its own process (via tsx), so a
// test can SIGKILL the worker while the stand-in keeps what it was sent, or take the stand-in
// offline and bring it back with its state. Only *.test.ts files and bench scripts import this.
import { fork, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type {
  StandInCommand,
  StandInMessageSummary,
  StandInReady,
  StandInReply,
} from "@/lib/dev/twilio-sandbox/remote-control";
import type { StandInAccount } from "@/lib/dev/twilio-sandbox/state";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = ["--import", "tsx"];

/** Resolves when `child` has printed a line matching `ready`; rejects if it exits first or is slow. */
function waitForLine(child: ChildProcess, ready: RegExp, output: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${ready.source}" within ${timeoutMs} ms:\n${output.join("")}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString("utf8"));
      if (ready.test(output.join(""))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code ?? signal}) before "${ready.source}":\n${output.join("")}`));
    });
  });
}

export type StandInProcess = {
  url: string;
  /** Holds each send's answer `ms` after the message is taken (0: answer at once); takes at most `takeAtMost`. */
  holdResponses(ms: number, takeAtMost?: number): Promise<void>;
  /** Connections refused until comeBackOnline(); messages and their progress are kept. */
  goOffline(): Promise<void>;
  comeBackOnline(): Promise<void>;
  messages(): Promise<StandInMessageSummary[]>;
  stop(): Promise<void>;
};

/** Forks scripts/twilio-sandbox.ts with these accounts and waits for its URL. */
export async function startStandInProcess(accounts: StandInAccount[], callbackDelayMs = 5): Promise<StandInProcess> {
  const child = fork(
    path.join(ROOT, "scripts/twilio-sandbox.ts"),
    [...accounts.flatMap((a) => ["--account", `${a.sid}:${a.authToken}`]), "--callback-delay-ms", String(callbackDelayMs)],
    { cwd: ROOT, execArgv: TSX, stdio: ["ignore", "ignore", "inherit", "ipc"], env: { ...process.env, LOG_LEVEL: "error" } },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (m: StandInReady) => resolve(m.ready));
    child.once("exit", (code) => reject(new Error(`the stand-in process exited (${code}) before listening`)));
  });
  let nextId = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on("message", (reply: StandInReply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) w?.resolve(reply.result);
    else w?.reject(new Error(reply.error));
  });
  const command = (c: StandInCommand) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      child.send({ ...c, id });
    });
  return {
    url,
    holdResponses: async (ms, takeAtMost) => void (await command({ cmd: "hold-responses", ms, takeAtMost })),
    goOffline: async () => void (await command({ cmd: "offline" })),
    comeBackOnline: async () => void (await command({ cmd: "online" })),
    messages: async () => (await command({ cmd: "messages" })) as StandInMessageSummary[],
    stop: () => killAndWait(child, "SIGTERM"),
  };
}

export type WorkerProcess = { output: string[]; kill(signal?: NodeJS.Signals): Promise<void> };

/** `npm run worker` (scripts/worker.ts) with `env` added to this process's; resolves once it is running. */
export async function startWorkerProcess(env: Record<string, string>, cwd = ROOT): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [...TSX, path.join(cwd, "scripts/worker.ts")], {
    cwd,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  // A bound, not an expectation: tsx compiling the worker takes a minute on a loaded two-core box.
  await waitForLine(child, /\[worker\] running/, output, 90_000);
  return { output, kill: (signal = "SIGKILL") => killAndWait(child, signal) };
}

function killAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}
