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

type Step = { name: string; cmd: string; args: string[]; env?: Record<string, string>; missing?: string };

// The suite again where a test that reads the wall clock or the machine's zone would show it: in the
// zone furthest ahead of UTC (+14), at a moment the test salons are closed (22:00 there is Sunday
// 08:00 UTC, 3 AM in New York). faketime reads its instant in TZ, and FAKETIME_DONT_RESET keeps
// child processes, PostgreSQL included, on the one faked clock. One pass for both conditions: each
// costs a whole suite (about 2.5 minutes on two cores), and two would take npm test past 15 minutes.
const steps: Step[] = [
  { name: "prisma client", cmd: process.execPath, args: [bin("tsx"), "scripts/prisma-generate.ts"] },
  // Next's route types (.next/types, in tsconfig's include) first, so tsc checks pages' props as `next build` would.
  { name: "route types (next typegen)", cmd: bin("next"), args: ["typegen"] },
  { name: "type-check", cmd: bin("tsc"), args: ["--noEmit"] },
  { name: "lint", cmd: bin("eslint"), args: [".", "--max-warnings=0"] },
  { name: "layout (dependency-cruiser)", cmd: bin("depcruise"), args: ["app", "components", "lib", "scripts", "bench", "e2e", "test", "--config", ".dependency-cruiser.mjs"] },
  { name: "unused code (knip)", cmd: bin("knip"), args: [] },
  { name: "unit + integration (vitest)", cmd: bin("vitest"), args: ["run"] },
  {
    name: "vitest, faked clock, TZ=Pacific/Kiritimati",
    cmd: "faketime",
    args: ["-f", "@2026-12-06 22:00:00", bin("vitest"), "run"],
    env: { TZ: "Pacific/Kiritimati", FAKETIME_DONT_RESET: "1" },
    missing: "faketime is not installed: `apt-get install faketime` (npm test runs the suite under a faked clock)",
  },
  // The type-check step above has checked what the build would check again (next.config.ts).
  { name: "build", cmd: bin("next"), args: ["build"], env: { BOLT_BUILD_TYPECHECKED: "1" } },
  { name: "e2e (playwright)", cmd: bin("playwright"), args: ["test"] },
];

const timings: string[] = [];
const started = Date.now();
let failed = false;
for (const step of steps) {
  if (only.length && !only.some((o) => step.name.includes(o))) continue;
  const t0 = Date.now();
  console.log(`\n▶ ${step.name}`);
  const res = spawnSync(step.cmd, step.args, { cwd: root, stdio: "inherit", env: { ...env, ...step.env } });
  if ((res.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") console.error(step.missing ?? `${step.cmd} not found`);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  timings.push(`${res.status === 0 ? "✔" : "✘"} ${step.name.padEnd(44)} ${secs}s`);
  if (res.status !== 0) {
    failed = true;
    break;
  }
}
rmSync(e2eDataDir, { recursive: true, force: true });
console.log(`\n${timings.join("\n")}\ntotal ${((Date.now() - started) / 1000).toFixed(1)}s`);
process.exit(failed ? 1 : 0);
