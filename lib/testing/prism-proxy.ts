// Stoplight Prism as a validating proxy (`prism proxy <spec> <upstream>`) for spec-conformance
// tests: every response it relays is checked against the OpenAPI document, and what it finds is
// listed in the `sl-violations` response header. Local only: the spec is a file, the upstream is
// on 127.0.0.1, and Prism picks its own free port.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PRISM_BIN = path.join(ROOT, "node_modules", ".bin", "prism");
// Parsing the 1.9 MB Twilio spec takes ~3 s idle, several times that on a loaded machine.
const STARTUP_TIMEOUT_MS = 90_000;

/**
 * A provider's reference document from `shared/reference/` beside the checkout (CI has
 * `../shared`; a worktree nested deeper finds the nearest ancestor's). Throws naming where it looked.
 */
export function findReferenceSpec(fileName: string): string {
  const tried: string[] = [];
  for (let dir = path.dirname(ROOT); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "shared", "reference", fileName);
    if (existsSync(candidate)) return candidate;
    tried.push(candidate);
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`Reference spec ${fileName} not found; looked in:\n  ${tried.join("\n  ")}`);
}

export type PrismProxy = {
  /** e.g. "http://127.0.0.1:41234" */
  url: string;
  /** Everything Prism printed so far (its log names each request and violation). */
  output: () => string;
  close: () => Promise<void>;
};

export async function startPrismProxy(input: { spec: string; upstream: string }): Promise<PrismProxy> {
  // No --errors: it would replace a violating body with Prism's 500, and a check needs the body
  // to tell a narrow allowance (e.g. Twilio's relative uri) from a real violation.
  const args = ["proxy", input.spec, input.upstream, "--host", "127.0.0.1", "--port", "0"];
  const child = spawn(PRISM_BIN, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
  let log = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start within ${STARTUP_TIMEOUT_MS} ms:\n${log}`)), STARTUP_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      log += chunk.toString("utf8");
      const match = /Prism is listening on (http:\/\/[\d.]+:\d+)/.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`Prism exited before listening:\n${log}`));
    });
  });

  return {
    url,
    output: () => log,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
