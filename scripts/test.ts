// `npm test`: every check, in order, stopping at the first failure. Prints a timing summary.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const e2eDataDir = path.join(os.tmpdir(), `bolt-e2e-${Date.now()}`);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", E2E_DATA_DIR: e2eDataDir };
const only = process.argv.slice(2);

type Step = {
  name: string;
  cmd: string;
  args: string[];
  env?: Record<string, string>;
  missing?: string;
  /** Steps with the same group run side by side (each prints its output when it ends). */
  group?: string;
};

// The suite again where a test that reads the wall clock or the machine's zone would show it: in the
// zone furthest ahead of UTC (+14), at a moment the test salons are closed (22:00 there is Sunday
// 08:00 UTC, 3 AM in New York). faketime reads its instant in TZ, and FAKETIME_DONT_RESET keeps
// child processes, PostgreSQL included, on the one faked clock. One pass for both conditions: each
// costs a whole suite (about 4 minutes on two cores), and two would take npm test past 15 minutes.
// That pass and the browser specs run side by side: vitest keeps both cores busy while Playwright
// mostly waits on one browser and one server, so together they take little more than the longer.
const steps: Step[] = [
  { name: "prisma client", cmd: process.execPath, args: [bin("tsx"), "scripts/prisma-generate.ts"] },
  { name: "type-check", cmd: bin("tsc"), args: ["--noEmit"], group: "static" },
  { name: "lint", cmd: bin("eslint"), args: [".", "--max-warnings=0"], group: "static" },
  { name: "layout (dependency-cruiser)", cmd: bin("depcruise"), args: ["app", "components", "lib", "scripts", "bench", "e2e", "test", "--config", ".dependency-cruiser.mjs"], group: "static" },
  { name: "unused code (knip)", cmd: bin("knip"), args: [], group: "static" },
  { name: "unit + integration (vitest)", cmd: bin("vitest"), args: ["run"] },
  { name: "build", cmd: bin("next"), args: ["build"] },
  {
    name: "vitest, faked clock, TZ=Pacific/Kiritimati",
    cmd: "faketime",
    args: ["-f", "@2026-12-06 22:00:00", bin("vitest"), "run"],
    env: { TZ: "Pacific/Kiritimati", FAKETIME_DONT_RESET: "1" },
    missing: "faketime is not installed: `apt-get install faketime` (npm test runs the suite under a faked clock)",
    group: "last",
  },
  { name: "e2e (playwright)", cmd: bin("playwright"), args: ["test"], group: "last" },
];

const timings: string[] = [];
const started = Date.now();

type Outcome = { ok: boolean; secs: string; output: string };

/** Runs one step; a step in a group buffers its output, so side-by-side steps don't interleave. */
function run(step: Step, buffered: boolean): Promise<Outcome> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, {
      cwd: root,
      stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...env, ...step.env },
    });
    let output = "";
    child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    const done = (ok: boolean) => resolve({ ok, secs: ((Date.now() - t0) / 1000).toFixed(1), output });
    child.on("error", (err: NodeJS.ErrnoException) => {
      output += `${err.code === "ENOENT" ? (step.missing ?? `${step.cmd} not found`) : err.message}\n`;
      done(false);
    });
    child.on("close", (code) => done(code === 0));
  });
}

// Consecutive steps of one group (the static checks: ~20 s each, one core each) run together.
const chosen = steps.filter((step) => !only.length || only.some((o) => step.name.includes(o)));
const batches: Step[][] = [];
for (const step of chosen) {
  const last = batches.at(-1);
  if (step.group && last?.[0]?.group === step.group) last.push(step);
  else batches.push([step]);
}

let failed = false;
for (const batch of batches) {
  const buffered = batch.length > 1;
  if (buffered) console.log(`\n▶ ${batch.map((s) => s.name).join(" + ")} (side by side)`);
  const outcomes = await Promise.all(
    batch.map((step) => {
      if (!buffered) console.log(`\n▶ ${step.name}`);
      return run(step, buffered);
    }),
  );
  batch.forEach((step, i) => {
    const { ok, secs, output } = outcomes[i]!;
    if (buffered) console.log(`\n▶ ${step.name}\n${output.trimEnd()}`);
    else if (output) console.error(output.trimEnd());
    timings.push(`${ok ? "✔" : "✘"} ${step.name.padEnd(44)} ${secs}s`);
  });
  if (outcomes.some((o) => !o.ok)) {
    failed = true;
    break;
  }
}
rmSync(e2eDataDir, { recursive: true, force: true });
console.log(`\n${timings.join("\n")}\ntotal ${((Date.now() - started) / 1000).toFixed(1)}s`);
process.exit(failed ? 1 : 0);
