// Vitest global setup: one PostgreSQL for the whole run (embedded in a temp dir, or TEST_DATABASE_URL
// as a superuser URL), a non-superuser app role and its salon role, and a template database with every
// migration applied.
// test/setup-db.ts copies the template for each test file.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureAppRoleAndDatabase, startEmbeddedPostgres } from "@/lib/dev/embedded-postgres";
import { migrateUp } from "@/lib/db/migrator";
import { adminQuery, dropDatabase, withDatabase, type TestDatabaseServer } from "@/lib/testing/databases";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: Array<() => Promise<void>> = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const server = await prepareServer(cleanups);
    project.provide("testDatabaseServer", server);
    return teardown;
  } catch (err) {
    await teardown();
    throw err;
  }
}

async function prepareServer(cleanups: Array<() => Promise<void>>): Promise<TestDatabaseServer> {
  const external = process.env.TEST_DATABASE_URL;
  let adminUrl: string;
  if (external) {
    adminUrl = external;
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bolt-test-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), persistent: false });
    cleanups.push(() => pg.stop());
    adminUrl = pg.adminUrl;
  }

  // On a shared server every name carries this run's id, so concurrent runs cannot collide.
  const runId = randomBytes(4).toString("hex");
  const appRole = external ? `bolt_test_${runId}` : "bolt_test";
  const template = external ? `bolt_template_${runId}` : "bolt_template";
  const prefix = external ? `bolt_test_${runId}_` : "bolt_test_";
  const password = randomBytes(18).toString("hex");

  await ensureAppRoleAndDatabase(adminUrl, { role: appRole, password, createDb: true });
  cleanups.push(async () => {
    const { rows } = await adminQuery(
      adminUrl,
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    for (const { datname } of rows as Array<{ datname: string }>) await dropDatabase(adminUrl, datname);
    await dropDatabase(adminUrl, template);
    if (external) await adminQuery(adminUrl, `DROP ROLE IF EXISTS "${appRole}", "${appRole}_salon"`);
  });

  await dropDatabase(adminUrl, template);
  await adminQuery(adminUrl, `CREATE DATABASE "${template}" OWNER "${appRole}"`);
  const appUrl = withDatabase(adminUrl, template, { user: appRole, password });
  // As the app role, so it owns the tables exactly as in production (and its salon role gets its grants).
  await migrateUp(appUrl);
  return { adminUrl, appUrl, appRole, template, prefix };
}
