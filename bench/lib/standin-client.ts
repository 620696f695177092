// The parent's side of bench/lib/standin-process.ts: forks the stand-in, waits for its URL, and
// follows its count of accepted texts while the worker under test sends.
import { fork } from "node:child_process";
import path from "node:path";
import type { FromStandIn, StandInConfig, ToStandIn } from "./standin-process";

export type StandInProcess = {
  url: string;
  accepted: () => number;
  report: () => Promise<{ accepted: number; duplicates: number }>;
  close: () => Promise<void>;
};

/** Forks bench/lib/standin-process.ts and waits for its URL. */
export async function startStandInProcess(config: StandInConfig): Promise<StandInProcess> {
  const child = fork(path.join(import.meta.dirname, "standin-process.ts"), {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_STANDIN_CONFIG: JSON.stringify(config), LOG_LEVEL: "error" },
  });
  let accepted = 0;
  let onReport: ((r: { accepted: number; duplicates: number }) => void) | undefined;
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`stand-in process exited (${code})`)));
    child.on("message", (msg: FromStandIn) => {
      if (msg.type === "ready") resolve(msg.url);
      else if (msg.type === "accepted") accepted = msg.count;
      else onReport?.(msg);
    });
  });
  return {
    url,
    accepted: () => accepted,
    report: () =>
      new Promise((resolve) => {
        onReport = resolve;
        child.send({ type: "report" } satisfies ToStandIn);
      }),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send({ type: "close" } satisfies ToStandIn);
      await exited;
    },
  };
}
