// Runs before each test file's imports: gives the file its own database (a copy of the migrated
// template) and the environment lib/env.ts expects, so `db` and `salonDb` just work in parallel files.
//
// In the "shared" project (vitest.config.ts) one process runs file after file: what a file leaves
// behind is undone here, so the next one starts as if in a fresh process, except that it skips
// loading node_modules and Prisma's client again (most of a file's start-up).
import { afterAll, inject, vi } from "vitest";
import { reloadEnv } from "@/lib/env";
import { createTestDatabase } from "@/lib/testing/databases";
import { forgetModulesOfLastFile, SHARED_PROCESS } from "@/test/shared-process";

const envBefore = { ...process.env };
const database = await createTestDatabase(inject("testDatabaseServer"));

Object.assign(process.env, {
  DATABASE_URL: database.url,
  AUTH_SECRET: "test-auth-secret-0123456789abcdef0123456789",
  NODE_ENV: "test",
  PUBLIC_BASE_URL: "http://localhost:3000",
});
reloadEnv();
// A previous file's work still running after its end (a sweep, a worker loop) may have opened
// clients on its database since; close them now that only this file's database can be reopened.
if (SHARED_PROCESS) await closeAllClients();

afterAll(async () => {
  if (!SHARED_PROCESS) {
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
    await database.drop();
    return;
  }
  await closeAllClients();
  await database.drop();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  for (const key of Object.keys(process.env)) if (!(key in envBefore)) delete process.env[key];
  Object.assign(process.env, envBefore);
  forgetModulesOfLastFile();
});

async function closeAllClients(): Promise<void> {
  const { closeDatabaseClients } = await import("@/lib/db/close-clients");
  await closeDatabaseClients();
}
