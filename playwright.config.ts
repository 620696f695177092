// Browser specs run against the built app started by `npm start` on a throwaway data directory,
// in Debian's Chromium (no browser downloads here).
import { defineConfig, devices } from "@playwright/test";
import os from "node:os";
import path from "node:path";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `bolt-e2e-${process.pid}`);
// Specs read the sandbox's secrets from here (workers inherit the runner's environment).
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
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
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
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
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      // The demo salon's clock (lib/time/clock.ts) on a Wednesday at 11 AM in San Francisco, whenever the
      // specs run: open for calls, no quiet hours holding texts.
      BOLT_SANDBOX_NOW: "2026-12-09T11:00:00-08:00",
    },
  },
});
