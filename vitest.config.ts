// Unit and integration tests. Each test file runs in its own process against its own database
// (test/setup-db.ts), created from a migrated template that test/global-setup.ts builds once.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{app,components,lib,scripts,test}/**/*.test.{ts,tsx}"],
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
  },
});
