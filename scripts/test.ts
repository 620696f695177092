// `npm test`: every check, in order, stopping at the first failure. Prints a timing summary.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const e2eDataDir = path.join(os.tmpdir(), `bolt-e2e-${Date.now()}`);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", E2E_DATA_DIR: e2eDataDir };
const only = process.argv.slice(2);

const steps: Array<[string, string, string[]]> = [
  ["prisma client", process.execPath, [bin("tsx"), "scripts/prisma-generate.ts"]],
  ["type-check", bin("tsc"), ["--noEmit"]],
  ["lint", bin("eslint"), [".", "--max-warnings=0"]],
  ["unit + integration (vitest)", bin("vitest"), ["run"]],
  ["build", bin("next"), ["build"]],
  ["e2e (playwright)", bin("playwright"), ["test"]],
];

const timings: string[] = [];
const started = Date.now();
let failed = false;
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  timings.push(`${res.status === 0 ? "✔" : "✘"} ${name.padEnd(30)} ${secs}s`);
  if (res.status !== 0) {
    failed = true;
    break;
  }
}
rmSync(e2eDataDir, { recursive: true, force: true });
console.log(`\n${timings.join("\n")}\ntotal ${((Date.now() - started) / 1000).toFixed(1)}s`);
process.exit(failed ? 1 : 0);
