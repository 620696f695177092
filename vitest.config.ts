// Unit and integration tests. Each test file runs against its own database (test/setup-db.ts), created
// from a migrated template that test/global-setup.ts builds once.
//
// Two projects. "shared": most files, run one after another in a few long-lived processes
// (isolate: false): loading node_modules and Prisma's client once per process instead of once per
// file halves the suite's CPU time (test/shared-process.ts forgets the app's own modules between
// files). "isolated": files that replace modules (vi.mock), fake timers or globals, or stop
// processes, each in a fresh process as before. BOLT_TEST_ISOLATE=1 runs every file isolated (to
// tell whether a failure comes from an earlier file in the same process).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const TEST_DIRS = ["app", "components", "lib", "scripts", "test"];
const INCLUDE = [`{${TEST_DIRS.join(",")}}/**/*.test.{ts,tsx}`];

const testFiles = TEST_DIRS.flatMap((dir) =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .map((f) => path.posix.join(dir, f.split(path.sep).join("/")))
    .filter((f) => /\.test\.tsx?$/.test(f)),
);
// What a later file in the same process would inherit: replaced modules, faked timers or globals.
const NEEDS_OWN_PROCESS = /\bvi\.(mock|doMock|useFakeTimers|stubGlobal)\(/;
// Start and kill PostgreSQL clusters of their own, send signals to processes, or run and kill delivery
// workers and child processes that must not outlive the file (crash-recovery failed once when shared: it
// counted 21 interrupted texts where it had caused 17).
const ALWAYS_ISOLATED = [
  "scripts/lib/shutdown.test.ts",
  "lib/dev/embedded-postgres.test.ts",
  "lib/messaging/delivery/crash-recovery.test.ts",
  "lib/jobs/worker.test.ts",
];
const isolated =
  process.env.BOLT_TEST_ISOLATE === "1"
    ? testFiles
    : testFiles.filter(
        (f) => ALWAYS_ISOLATED.includes(f) || NEEDS_OWN_PROCESS.test(readFileSync(path.join(root, f), "utf8")),
      );
// As glob patterns: a route's folder may be named [id].
const asPattern = (file: string) => file.replace(/[[\](){}*?!+@]/g, "\\$&");

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    pool: "forks",
    // Files wait on PostgreSQL much of the time: four at once on two cores took the suite from 301 s
    // to 246 s here (npm test runs it three times).
    maxWorkers: 4,
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-db.ts"],
    // next-auth imports "next/server" without an extension, which Node's ESM loader rejects; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    // Real PostgreSQL and argon2 hashing: generous, but a hung query still fails the run.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 60_000,
    // Transformed modules kept on disk (in node_modules): npm test's second, faked-clock pass and every
    // later run skip transforming what hasn't changed. Keyed by file content.
    experimental: { fsModuleCache: true },
    projects: [
      { extends: true as const, test: { name: "isolated", include: isolated.map(asPattern) } },
      {
        extends: true as const,
        test: {
          name: "shared",
          include: INCLUDE,
          exclude: isolated.map(asPattern),
          isolate: false,
          env: { BOLT_TEST_SHARED_PROCESS: "1" },
        },
      },
    ].filter((p) => p.test.include.length > 0 && testFiles.length > (p.test.exclude?.length ?? 0)),
  },
});
