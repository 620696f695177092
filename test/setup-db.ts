// Runs before each test file's imports: gives the file its own database (a copy of the migrated
// template) and the environment lib/env.ts expects, so `db` and `salonDb` just work in parallel files.
import { afterAll, inject } from "vitest";
import { reloadEnv } from "@/lib/env";
import { createTestDatabase } from "@/lib/testing/databases";

const database = await createTestDatabase(inject("testDatabaseServer"));

Object.assign(process.env, {
  DATABASE_URL: database.url,
  AUTH_SECRET: "test-auth-secret-0123456789abcdef0123456789",
  NODE_ENV: "test",
  PUBLIC_BASE_URL: "http://localhost:3000",
});
reloadEnv();

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await database.drop();
});
