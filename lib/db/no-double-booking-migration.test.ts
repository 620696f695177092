// 20261211000400_no_double_booking on a database that already holds overlaps: per stylist the first
// booked keeps the stylist, each later clashing one is un-assigned and audited, and then the exclusion
// constraint holds — back-to-back and cancelled bookings are fine, an overlap fails with 23P01.
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrateDown, migrateUp } from "@/lib/db/migrator";
import { migrationKit, withSystemClient } from "@/lib/testing/migration-kit";

const MIGRATION = "20261211000400_no_double_booking";
const kit = migrationKit(MIGRATION, inject("testDatabaseServer"));

afterAll(() => kit.cleanUp());

/** id, employee, start and end hour on 2026-12-15 (UTC), booked at createdAt minute, status. */
const ROWS: Array<[string, string, number, number, number, string]> = [
  ["a1", "e1", 10, 11, 1, "BOOKED"], // first booked: keeps Ana
  ["a2", "e1", 10.5, 11.5, 2, "CONFIRMED"], // overlaps a1 → un-assigned
  ["a3", "e1", 11, 12, 3, "BOOKED"], // overlaps a2 only, which lost Ana → keeps her (back-to-back with a1)
  ["a4", "e1", 11.5, 12.5, 0, "CANCELLED"], // not live: ignored
  ["a5", "e2", 10, 11, 4, "BOOKED"], // another stylist: fine
  ["a6", "e1", 9, 13, 5, "BOOKED"], // booked last, overlaps a1 and a3 → un-assigned
];

const at = (hour: number) => new Date(Date.UTC(2026, 11, 15, 0, hour * 60));

describe(MIGRATION, () => {
  it("un-assigns the later of overlapping bookings, audits each, then refuses new overlaps", async () => {
    const database = await kit.emptyDatabase();
    await migrateUp(database.url, { dir: kit.migrationsThrough(false) });
    await withSystemClient(database.url, async (c) => {
      await c.query(`INSERT INTO "salons" ("id", "name", "slug", "updatedAt") VALUES ('s1', 'Old Salon', 'old', now())`);
      await c.query(
        `INSERT INTO "customers" ("id", "salonId", "phone", "updatedAt") VALUES ('c1', 's1', '+14155550100', now())`,
      );
      await c.query(
        `INSERT INTO "employees" ("id", "salonId", "name", "updatedAt") VALUES ('e1', 's1', 'Ana', now()), ('e2', 's1', 'Bo', now())`,
      );
      for (const [id, employee, from, to, minute, status] of ROWS) {
        await c.query(
          `INSERT INTO "appointments" ("id", "salonId", "customerId", "employeeId", "startsAt", "endsAt", "status", "createdAt", "updatedAt")
           VALUES ($1, 's1', 'c1', $2, $3, $4, $5::"AppointmentStatus", $6, now())`,
          [id, employee, at(from), at(to), status, new Date(Date.UTC(2026, 11, 1, 0, minute))],
        );
      }
    });

    const full = kit.migrationsThrough(true);
    expect(await migrateUp(database.url, { dir: full })).toEqual([MIGRATION]);
    await withSystemClient(database.url, async (c) => {
      const { rows } = await c.query(`SELECT "id", "employeeId" FROM "appointments" ORDER BY "id"`);
      expect(rows).toEqual([
        { id: "a1", employeeId: "e1" },
        { id: "a2", employeeId: null },
        { id: "a3", employeeId: "e1" },
        { id: "a4", employeeId: "e1" },
        { id: "a5", employeeId: "e2" },
        { id: "a6", employeeId: null },
      ]);
      const audits = await c.query(
        `SELECT "targetId", "metadata"->>'employeeId' AS "employeeId", "metadata"->>'overlapsAppointmentId' AS "overlaps"
         FROM "audit_logs" WHERE "action" = 'appointment.unassign_overlap' ORDER BY "targetId"`,
      );
      expect(audits.rows).toEqual([
        { targetId: "a2", employeeId: "e1", overlaps: "a1" },
        { targetId: "a6", employeeId: "e1", overlaps: "a1" },
      ]);

      const insert = (id: string, from: number, to: number, status = "BOOKED") =>
        c.query(
          `INSERT INTO "appointments" ("id", "salonId", "customerId", "employeeId", "startsAt", "endsAt", "status", "updatedAt")
           VALUES ($1, 's1', 'c1', 'e1', $2, $3, $4::"AppointmentStatus", now())`,
          [id, at(from), at(to), status],
        );
      await insert("b1", 12, 13); // back-to-back with a3
      await insert("b2", 10, 11, "CANCELLED"); // cancelled may sit anywhere
      await expect(insert("b3", 12.5, 13.5)).rejects.toMatchObject({
        code: "23P01",
        constraint: "appointments_no_double_booking",
      });
      // Moving the un-assigned a2 back onto Ana's taken slot is refused the same way.
      await expect(c.query(`UPDATE "appointments" SET "employeeId" = 'e1' WHERE "id" = 'a2'`)).rejects.toMatchObject({
        code: "23P01",
      });
    });

    expect(await migrateDown(database.url, { dir: full })).toEqual([MIGRATION]);
    await withSystemClient(database.url, async (c) => {
      await c.query(`UPDATE "appointments" SET "employeeId" = 'e1' WHERE "id" = 'a2'`);
    });
  });
});
