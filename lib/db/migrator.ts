// Applies prisma/migrations/*/migration.sql in name order, recording each in Prisma's own
// `_prisma_migrations` table (same columns, sha256 checksums), so `prisma migrate deploy` accepts the
// database wherever its engine can run. Our own because that engine cannot be downloaded everywhere.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { ensureSalonRole, grantSalonRole } from "@/lib/db/roles";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/** Prisma's advisory lock id, so our migrator and `prisma migrate` never run at once either. */
const LOCK_ID = 72707369;

export type Migration = { name: string; dir: string; sql: string; checksum: string };
export type MigrateOptions = { dir?: string; log?: (message: string) => void };
export type MigrationState = "applied" | "pending" | "changed" | "failed" | "missing-locally";

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null };

/** The migrations on disk, in the order they apply (their timestamped folder names). */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, "migration.sql"));
      return { name, dir: path.join(dir, name), sql: bytes.toString("utf8"), checksum: sha256(bytes) };
    });
}

/** Applies every pending migration; returns the names applied (empty when up to date). */
export async function migrateUp(url: string, opts: MigrateOptions = {}): Promise<string[]> {
  const migrations = readMigrations(opts.dir);
  return withMigrationLock(url, async (client) => {
    const applied = await appliedMigrations(client, migrations, opts.log);
    await ensureSalonRole(client, url);
    const done: string[] = [];
    for (const migration of migrations.filter((m) => !applied.has(m.name))) {
      const startedAt = new Date();
      await inTransaction(client, migration.name, async () => {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, $4, clock_timestamp(), 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
      });
      opts.log?.(`applied migration ${migration.name}`);
      done.push(migration.name);
    }
    // Every time, not only when something was applied: covers tables of later migrations, a database
    // migrated before the salon role existed, and one restored from a dump without its grants.
    await grantSalonRole(client, url);
    return done;
  });
}

/** Runs down.sql of the last `steps` applied migrations, newest first; returns their names. */
export async function migrateDown(
  url: string,
  opts: MigrateOptions & { steps?: number } = {},
): Promise<string[]> {
  const migrations = readMigrations(opts.dir);
  return withMigrationLock(url, async (client) => {
    await appliedMigrations(client, migrations, opts.log);
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL
       ORDER BY finished_at DESC, migration_name DESC LIMIT $1`,
      [opts.steps ?? 1],
    );
    const done: string[] = [];
    for (const { migration_name: name } of rows) {
      const downFile = path.join(opts.dir ?? MIGRATIONS_DIR, name, "down.sql");
      if (!existsSync(downFile)) throw new Error(`cannot roll back ${name}: ${downFile} does not exist`);
      await inTransaction(client, `${name} (down)`, async () => {
        await client.query(readFileSync(downFile, "utf8"));
        await client.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [name]);
      });
      opts.log?.(`rolled back migration ${name}`);
      done.push(name);
    }
    return done;
  });
}

/** Every migration on disk or in the database, with its state. Takes no lock and changes nothing. */
export async function migrationStatus(
  url: string,
  opts: Pick<MigrateOptions, "dir"> = {},
): Promise<Array<{ name: string; state: MigrationState }>> {
  const migrations = readMigrations(opts.dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = (await migrationsTableExists(client)) ? await appliedRows(client) : [];
    const byName = new Map(rows.map((r) => [r.migration_name, r]));
    const local = migrations.map(({ name, checksum }) => {
      const row = byName.get(name);
      const state: MigrationState = !row
        ? "pending"
        : !row.finished_at
          ? "failed"
          : row.checksum !== checksum
            ? "changed"
            : "applied";
      return { name, state };
    });
    const missing = rows.filter((r) => !migrations.some((m) => m.name === r.migration_name));
    return [
      ...local,
      ...missing.map((r) => ({ name: r.migration_name, state: "missing-locally" as const })),
    ].sort((a, b) => a.name.localeCompare(b.name));
  } finally {
    await client.end();
  }
}

export function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** One dedicated connection holding the advisory lock for the whole run (released on disconnect too). */
async function withMigrationLock<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
    // Data migrations must see every salon's rows. Since 20261209000100 the owner is not subject to
    // row-level security at all; the migrations before it FORCEd it with this switch in every policy,
    // and on a new database they run before that one, so it stays on.
    await client.query("SELECT set_config('bolt.system', 'on', false)");
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum"            VARCHAR(64) NOT NULL,
      "finished_at"         TIMESTAMPTZ,
      "migration_name"      VARCHAR(255) NOT NULL,
      "logs"                TEXT,
      "rolled_back_at"      TIMESTAMPTZ,
      "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    return await fn(client);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}

/** Names of applied migrations, after refusing a database whose history no longer matches the files. */
async function appliedMigrations(
  client: pg.Client,
  migrations: Migration[],
  log?: (m: string) => void,
): Promise<Set<string>> {
  const rows = await appliedRows(client);
  for (const row of rows) {
    if (!row.finished_at) {
      throw new Error(
        `migration ${row.migration_name} started but never finished; repair the database, then delete its row from _prisma_migrations`,
      );
    }
    const local = migrations.find((m) => m.name === row.migration_name);
    if (!local) {
      log?.(`warning: migration ${row.migration_name} is applied but missing from the migrations directory`);
    } else if (local.checksum !== row.checksum) {
      throw new Error(
        `migration ${row.migration_name} was modified after it was applied (checksum ${row.checksum} in the database, ${local.checksum} on disk); restore the file and put the change in a new migration`,
      );
    }
  }
  return new Set(rows.map((r) => r.migration_name));
}

/** Rows Prisma counts as applied or failed: a rolled-back row is history, not state. */
async function appliedRows(client: pg.Client): Promise<AppliedRow[]> {
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows;
}

async function migrationsTableExists(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`,
  );
  return rows[0]?.exists ?? false;
}

async function inTransaction(client: pg.Client, label: string, fn: () => Promise<void>): Promise<void> {
  await client.query("BEGIN");
  try {
    await fn();
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw new Error(
      `migration ${label} failed and was rolled back: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
}
