// The migrations and schema.prisma must describe the same database, and the migrator must be safe:
// exact history (checksums), one transaction per migration, reversible, and one runner at a time.
import { randomBytes } from "node:crypto";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  MIGRATIONS_DIR,
  migrateDown,
  migrateUp,
  migrationStatus,
  readMigrations,
  sha256,
} from "@/lib/db/migrator";
import {
  adminQuery,
  createTestDatabase,
  dropDatabase,
  withDatabase,
  type TestDatabase,
} from "@/lib/testing/databases";
import { introspect, type SchemaSnapshot } from "@/lib/testing/introspect";
import {
  expectedColumns,
  expectedForeignKeys,
  expectedIndexes,
  expectedPrimaryKeys,
} from "@/lib/testing/schema-expectations";
import { readDatamodel, tableOf } from "@/lib/testing/prisma-schema";

/** Tables that exist on purpose without a Prisma model. */
const NON_PRISMA_TABLES = ["_prisma_migrations", "rate_limits"];
/** Indexes Prisma can't describe: the GiST index behind the no-double-booking exclusion constraint. */
const NON_PRISMA_INDEXES = ["appointments_no_double_booking"];

const server = inject("testDatabaseServer");
const created: TestDatabase[] = [];
const createdRoles: string[] = [];
const tempDirs: string[] = [];
const names = readMigrations().map((m) => m.name);

async function emptyDatabase(): Promise<string> {
  const database = await createTestDatabase(server, { template: "template0" });
  created.push(database);
  return database.url;
}

/** A copy of the migrations folder, or of only the migrations named. */
function copyOfMigrations(only?: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bolt-migrations-"));
  tempDirs.push(dir);
  if (!only) cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  for (const name of only ?? []) cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await Promise.all(created.map((d) => d.drop()));
  for (const role of createdRoles) await adminQuery(server.adminUrl, `DROP ROLE IF EXISTS "${role}"`);
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe("applied to an empty database, the migrations build exactly schema.prisma", () => {
  const datamodel = readDatamodel();
  let url: string;
  let applied: string[];
  let db: SchemaSnapshot;

  beforeAll(async () => {
    url = await emptyDatabase();
    applied = await migrateUp(url);
    db = await introspect(url);
  });

  it("applies every migration in name order and records it as Prisma would", async () => {
    expect(names).toEqual([
      "20261125000000_init",
      "20261125000100_rls",
      "20261125000200_rate_limits",
      "20261129000100_inbound_processed",
      "20261129000200_call_events",
      "20261207000100_transfer_result_values",
      "20261207000200_inbound_answered_by_provider",
      "20261208000100_sessions",
      "20261208000200_webhook_events_rls",
      "20261208000300_text_status_checks",
      "20261209000100_rls_roles",
      "20261209000200_call_outcome_and_list_indexes",
      "20261209000300_sweep_indexes",
      "20261210000100_subscription_details",
      "20261210000200_number_provisionings",
      "20261210000300_business_hours_set_at",
      "20261210000400_subscription_sync_ticket",
      "20261211000100_team_invitations",
      "20261211000200_customer_book",
      "20261211000300_staff_hours_and_services",
      "20261211000400_no_double_booking",
      "20261212000000_receptionist_intents",
      "20261212000100_special_days",
      "20261212000200_languages",
      "20261212000300_call_summaries",
      "20261212000400_receptionist_dialogues",
      "20261212000500_waitlist",
      "20261213000000_live_events",
      "20261213000100_member_alerts",
      "20261213000200_follow_up_queue",
      "20261213000300_dashboard_indexes",
    ]);
    expect(applied).toEqual(names);
    const rows = await query<{
      id: string;
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
      logs: string | null;
    }>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const file = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row).toMatchObject({
        checksum: sha256(file),
        rolled_back_at: null,
        applied_steps_count: 1,
        logs: null,
      });
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(await migrateUp(url)).toEqual([]);
  });

  it("keeps its history in a _prisma_migrations table shaped exactly like Prisma's", () => {
    const timestamptz = "timestamp with time zone";
    expect(db.tables._prisma_migrations?.columns).toEqual({
      id: { type: "character varying(36)", notNull: true, default: null },
      checksum: { type: "character varying(64)", notNull: true, default: null },
      finished_at: { type: timestamptz, notNull: false, default: null },
      migration_name: { type: "character varying(255)", notNull: true, default: null },
      logs: { type: "text", notNull: false, default: null },
      rolled_back_at: { type: timestamptz, notNull: false, default: null },
      started_at: { type: timestamptz, notNull: true, default: "now()" },
      applied_steps_count: { type: "integer", notNull: true, default: "0" },
    });
    expect(Object.values(db.primaryKeys)).toContainEqual({ table: "_prisma_migrations", columns: ["id"] });
  });

  it("has a table for every model (@@map) and no others except the allowed extras", () => {
    expect(Object.keys(db.tables).sort()).toEqual(
      [...datamodel.models.map(tableOf), ...NON_PRISMA_TABLES].sort(),
    );
  });

  it.each(datamodel.models.map((m) => [tableOf(m), m] as const))(
    "%s: every field is a column with its type, nullability and default",
    (table, model) => {
      expect(db.tables[table]?.columns).toEqual(expectedColumns(model));
    },
  );

  it("has every enum type with its values in order", () => {
    expect(db.enums).toEqual(
      Object.fromEntries(
        datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]),
      ),
    );
  });

  it("has every primary key under Prisma's name", () => {
    const prismaKeys = Object.fromEntries(
      Object.entries(db.primaryKeys).filter(([, k]) => !NON_PRISMA_TABLES.includes(k.table)),
    );
    expect(prismaKeys).toEqual(expectedPrimaryKeys(datamodel));
  });

  it("has every @unique, @@unique and @@index (columns, order, DESC) under Prisma's names, and no other index", () => {
    const prismaIndexes = Object.fromEntries(
      Object.entries(db.indexes).filter(
        ([name, i]) => !NON_PRISMA_TABLES.includes(i.table) && !NON_PRISMA_INDEXES.includes(name),
      ),
    );
    const expected = expectedIndexes(datamodel);
    expect(prismaIndexes).toEqual(expected);
    for (const name of Object.keys(expected)) expect(name.length).toBeLessThanOrEqual(63);
  });

  it("has every relation as a foreign key with its referential actions", () => {
    expect(db.foreignKeys).toEqual(expectedForeignKeys(datamodel));
  });

  it("has rate_limits exactly as rate-limiter-flexible's RateLimiterPostgres creates it", () => {
    expect(db.tables.rate_limits).toEqual({
      columns: {
        key: { type: "character varying(255)", notNull: true, default: null },
        points: { type: "integer", notNull: true, default: "0" },
        expire: { type: "bigint", notNull: false, default: null },
      },
      rowSecurity: false,
      forceRowSecurity: false,
    });
    expect(db.primaryKeys.rate_limits_pkey).toEqual({ table: "rate_limits", columns: ["key"] });
  });
});

describe("migrator", () => {
  it("rolls back one step, then everything, and re-applying ends in the same schema", async () => {
    const url = await emptyDatabase();
    await migrateUp(url);
    const before = await introspect(url);

    expect(await migrateDown(url)).toEqual([names.at(-1)]);
    expect((await migrationStatus(url)).map((s) => s.state)).toEqual([
      ...names.slice(0, -1).map(() => "applied"),
      "pending",
    ]);

    expect(await migrateDown(url, { steps: 99 })).toEqual(names.slice(0, -1).reverse());
    const empty = await introspect(url);
    expect(Object.keys(empty.tables)).toEqual(["_prisma_migrations"]);
    expect(empty.enums).toEqual({});
    expect(await query(url, `SELECT * FROM "_prisma_migrations"`)).toEqual([]);
    expect(await migrateDown(url)).toEqual([]);

    expect(await migrateUp(url)).toEqual(names);
    expect(await introspect(url)).toEqual(before);
  });

  it("refuses to run when an applied migration's file has changed, naming it", async () => {
    const dir = copyOfMigrations();
    const url = await emptyDatabase();
    await migrateUp(url, { dir });
    appendFileSync(path.join(dir, names[0]!, "migration.sql"), "\n-- an innocent-looking edit\n");

    await expect(migrateUp(url, { dir })).rejects.toThrow(
      `migration ${names[0]} was modified after it was applied`,
    );
    await expect(migrateDown(url, { dir })).rejects.toThrow(names[0]);
    expect((await migrationStatus(url, { dir }))[0]).toEqual({ name: names[0], state: "changed" });
  });

  it("runs each migration in its own transaction: a failing one leaves nothing behind", async () => {
    const dir = copyOfMigrations();
    const broken = path.join(dir, "20991231000000_broken");
    mkdirSync(broken);
    writeFileSync(
      path.join(broken, "migration.sql"),
      `CREATE TABLE "half_done" ("id" TEXT);\nSELECT 1 / 0;\n`,
    );
    const url = await emptyDatabase();

    await expect(migrateUp(url, { dir })).rejects.toThrow(
      /20991231000000_broken failed and was rolled back: division by zero/,
    );
    expect(Object.keys((await introspect(url)).tables)).not.toContain("half_done");
    expect((await migrationStatus(url, { dir })).map((s) => s.state)).toEqual([
      ...names.map(() => "applied"),
      "pending",
    ]);

    writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE "half_done" ("id" TEXT);\n`);
    expect(await migrateUp(url, { dir })).toEqual(["20991231000000_broken"]);
    // A table of a later migration gets the salon role's row rights too (lib/db/roles.ts).
    const [rights] = await query<{ rows: boolean; ddl: boolean }>(
      url,
      `SELECT has_table_privilege('${server.appRole}_salon', 'half_done', 'SELECT, INSERT, UPDATE, DELETE') AS rows,
              has_table_privilege('${server.appRole}_salon', 'half_done', 'TRUNCATE') AS ddl`,
    );
    expect(rights).toEqual({ rows: true, ddl: false });
  });

  it("needs the salon role: makes it when the login role may, else changes nothing and names the SQL to run", async () => {
    const login = `${server.prefix}m${randomBytes(3).toString("hex")}`;
    const password = randomBytes(12).toString("hex");
    createdRoles.push(`${login}_salon`, login);
    await adminQuery(server.adminUrl, `CREATE ROLE "${login}" LOGIN PASSWORD '${password}'`);
    await adminQuery(server.adminUrl, `CREATE DATABASE "${login}" OWNER "${login}"`);
    created.push({ name: login, url: "", drop: () => dropDatabase(server.adminUrl, login) });
    const url = withDatabase(server.adminUrl, login, { user: login, password });
    const dir = copyOfMigrations([names[0]!]);

    const failure = await migrateUp(url, { dir }).catch((err: Error) => err.message);
    const sql = `CREATE ROLE "${login}_salon" NOLOGIN; GRANT "${login}_salon" TO "${login}";`;
    expect(failure).toBe(`the database role "${login}_salon" does not exist; as a superuser, run: ${sql}`);
    expect(await query(url, `SELECT to_regclass('"salons"') AS t`)).toEqual([{ t: null }]);

    await adminQuery(server.adminUrl, sql);
    expect(await migrateUp(url, { dir })).toEqual([names[0]]);

    // With CREATEROLE it needs no administrator.
    await adminQuery(withDatabase(server.adminUrl, login), `DROP OWNED BY "${login}_salon"`);
    await adminQuery(server.adminUrl, `DROP ROLE "${login}_salon"; ALTER ROLE "${login}" CREATEROLE`);
    expect(await migrateUp(url, { dir })).toEqual([]);
    const [role] = await query(url, `SELECT rolcanlogin, rolbypassrls FROM pg_roles WHERE rolname = '${login}_salon'`);
    expect(role).toEqual({ rolcanlogin: false, rolbypassrls: false });
  });

  it("applies each migration once when two runners start together (advisory lock)", async () => {
    const url = await emptyDatabase();
    const [first, second] = await Promise.all([migrateUp(url), migrateUp(url)]);
    expect([...first, ...second].sort()).toEqual(names);
    expect([first.length, second.length].sort()).toEqual([0, names.length]);
    expect(await query(url, `SELECT migration_name FROM "_prisma_migrations"`)).toHaveLength(names.length);
  });
});
