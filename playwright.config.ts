// Browser specs run against the built app started by `npm start` on a throwaway data directory,
// in Debian's Chromium (no browser downloads here).
import { defineConfig, devices } from "@playwright/test";
import os from "node:os";
import path from "node:path";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const chromium = { ...devices["Desktop Chrome"], channel: undefined };
const HTTP_SPECS = [/e2e\/api\/(front-gate|rate-limit)\.spec\.ts$/, /e2e\/security\/.*\.spec\.ts$/];
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `bolt-e2e-${process.pid}`);
// Specs read the sandbox's secrets from here (workers inherit the runner's environment).
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // Two browser specs at a time (one Next server, one PostgreSQL; most of a spec is waiting on them).
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
    },
  },
  projects: [
    // The specs that use the admin UI, two files at a time. The API-key spec is the one whose requests count
    // against the per-IP API allowance (API_RATE_LIMIT_POINTS below), so it runs here, before "http" spends it.
    { name: "ui", testIgnore: HTTP_SPECS, use: chromium },
    // Specs that spend the per-IP allowance on purpose (rate-limit, fuzz) or request every route (headers):
    // after "ui", one at a time, in file order, as before.
    { name: "http", testMatch: HTTP_SPECS, dependencies: ["ui"], workers: 1, use: chromium },
  ],
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `${baseURL}/login`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      BOLT_DATA_DIR: dataDir,
      PUBLIC_BASE_URL: baseURL,
      API_RATE_LIMIT_POINTS: "60",
      // Every spec that signs a salon up comes from 127.0.0.1; the limit of 5 is tested in rate-limit.test.ts.
      SIGN_UP_RATE_LIMIT_PER_HOUR: "50",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      // The demo salon's clock (lib/time/clock.ts) on a Wednesday at 11 AM in San Francisco, whenever the
      // specs run: open for calls, no quiet hours holding texts.
      BOLT_SANDBOX_NOW: "2026-12-09T11:00:00-08:00",
    },
  },
});
