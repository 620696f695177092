// 20261129000100_inbound_processed on a database with data: texts stored before it count as acted on
// (processedAt = createdAt, no attempts pending), and rolling back removes the columns and files C/R
// answers under KEYWORD_REPLY again.
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrateDown, migrateUp } from "@/lib/db/migrator";
import { migrationKit, withSystemClient } from "@/lib/testing/migration-kit";

const MIGRATION = "20261129000100_inbound_processed";
const kit = migrationKit(MIGRATION, inject("testDatabaseServer"));
const { migrationsThrough } = kit;
const withClient = withSystemClient;

afterAll(() => kit.cleanUp());

describe(MIGRATION, () => {
  it("counts texts stored before it as processed, and rolls back to KEYWORD_REPLY", async () => {
    const database = await kit.emptyDatabase();
    await migrateUp(database.url, { dir: migrationsThrough(false) });
    const createdAt = new Date("2026-11-20T15:04:05.678Z");
    await withClient(database.url, async (c) => {
      await c.query(
        `INSERT INTO "salons" ("id", "name", "slug", "updatedAt") VALUES ('s1', 'Old Salon', 'old-salon', now())`,
      );
      await c.query(
        `INSERT INTO "customers" ("id", "salonId", "phone", "updatedAt") VALUES ('c1', 's1', '+14155550100', now())`,
      );
      await c.query(
        `INSERT INTO "inbound_messages" ("id", "salonId", "customerId", "messageSid", "from", "to", "body", "createdAt", "updatedAt")
         VALUES ('m1', 's1', 'c1', 'SMold', '+14155550100', '+14155550199', 'C', $1, now())`,
        [createdAt],
      );
    });

    const full = migrationsThrough(true);
    expect(await migrateUp(database.url, { dir: full })).toEqual([MIGRATION]);
    await withClient(database.url, async (c) => {
      const { rows } = await c.query(
        `SELECT "processedAt", "attempts", "claimedAt", "nextAttemptAt" FROM "inbound_messages" WHERE "id" = 'm1'`,
      );
      expect(rows).toEqual([{ processedAt: createdAt, attempts: 0, claimedAt: null, nextAttemptAt: null }]);
      await c.query(
        `INSERT INTO "notifications" ("id", "salonId", "recipientKind", "destination", "body", "kind", "updatedAt")
         VALUES ('n1', 's1', 'CUSTOMER', '+14155550100', 'Thanks! Your appointment is confirmed.', 'APPOINTMENT_REPLY', now())`,
      );
    });

    expect(await migrateDown(database.url, { dir: full })).toEqual([MIGRATION]);
    await withClient(database.url, async (c) => {
      expect((await c.query(`SELECT "kind" FROM "notifications" WHERE "id" = 'n1'`)).rows).toEqual([
        { kind: "KEYWORD_REPLY" },
      ]);
      const columns = await c.query(
        `SELECT 1 FROM information_schema.columns WHERE table_name = 'inbound_messages'
         AND column_name IN ('processedAt', 'attempts', 'claimedAt', 'nextAttemptAt')`,
      );
      expect(columns.rows).toEqual([]);
    });
  });
});
