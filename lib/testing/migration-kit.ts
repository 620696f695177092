// For tests of one migration on a database with data: a folder of the migrations up to it (so later
// ones don't interfere), a fresh database, and a system-mode connection to write and read rows.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { MIGRATIONS_DIR } from "@/lib/db/migrator";
import { createTestDatabase, type TestDatabase, type TestDatabaseServer } from "@/lib/testing/databases";

export function migrationKit(migration: string, server: TestDatabaseServer) {
  const created: TestDatabase[] = [];
  const tempDirs: string[] = [];
  return {
    /** The migrations before `migration`, and `migration` itself when includeThis. */
    migrationsThrough(includeThis: boolean): string {
      const dir = mkdtempSync(path.join(os.tmpdir(), "bolt-migrations-"));
      tempDirs.push(dir);
      for (const name of readdirSync(MIGRATIONS_DIR)) {
        if (name < migration || (includeThis && name === migration) || !/^\d/.test(name)) {
          cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
        }
      }
      return dir;
    },
    /** An empty database (no migrations applied), dropped by cleanUp. */
    async emptyDatabase(): Promise<TestDatabase> {
      const database = await createTestDatabase(server, { template: "template0" });
      created.push(database);
      return database;
    },
    async cleanUp(): Promise<void> {
      await Promise.all(created.map((d) => d.drop()));
      for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A connection as the owner, in system mode: the migrations before 20261209000100 FORCE row-level
 * security with this switch in their policies (later ones need neither), as the migrator sets it.
 */
export async function withSystemClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, options: "-c bolt.system=on" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
