// 20261207000100_transfer_result_values on a database with data: the transfers stored with Twilio's
// DialCallStatus get Bolt's own values, the API's timeline answers each call with the same `result` as
// before, and rolling back restores Twilio's words. Other events and other detail fields are untouched.
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { StoredCallEvent } from "@/lib/calls/call-events";
import { entriesOfEvents } from "@/lib/calls/call-event-entries";
import { migrateDown, migrateUp } from "@/lib/db/migrator";
import { migrationKit, withSystemClient } from "@/lib/testing/migration-kit";

const MIGRATION = "20261207000100_transfer_result_values";
const kit = migrationKit(MIGRATION, inject("testDatabaseServer"));
const { migrationsThrough } = kit;
const withClient = withSystemClient;

afterAll(() => kit.cleanUp());

// What Twilio's DialCallStatus was stored as before, one event each (e9: a transfer with no result).
const BEFORE: Record<string, unknown> = {
  e1: { to: "+14155550199", result: "completed", seconds: 95, accepted: true },
  e2: { to: "+14155550199", result: "answered", seconds: 12 },
  e3: { to: "+14155550199", result: "no-answer", seconds: 0, accepted: false },
  e4: { to: null, result: "busy" },
  e5: { to: "+14155550199", result: "failed" },
  e6: { to: "+14155550199", result: "canceled" },
  e7: { to: "+14155550199", result: "unknown" },
  e8: { to: "+14155550199", result: "ringing" },
  e9: { to: "+14155550199" },
};

async function readDetails(c: pg.Client): Promise<Record<string, unknown>> {
  const { rows } = await c.query<{ id: string; detail: unknown }>(
    `SELECT "id", "detail" FROM "call_events" ORDER BY "id"`,
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.detail]));
}

/** The `result` each event shows on the API's timeline. */
function apiResults(details: Record<string, unknown>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(details)
      .filter(([id]) => id in BEFORE)
      .map(([id, detail]) => {
        const event: StoredCallEvent = { at: new Date(0), kind: "TRANSFER_ENDED", detail };
        return [id, entriesOfEvents([event])[0]?.result];
      }),
  );
}

describe(MIGRATION, () => {
  it("stores Bolt's transfer results in place of Twilio's, keeps the API's answers, and rolls back", async () => {
    const database = await kit.emptyDatabase();
    await migrateUp(database.url, { dir: migrationsThrough(false) });
    await withClient(database.url, async (c) => {
      await c.query(
        `INSERT INTO "salons" ("id", "name", "slug", "updatedAt") VALUES ('s1', 'Old Salon', 'old-salon', now())`,
      );
      await c.query(
        `INSERT INTO "call_logs" ("id", "salonId", "callSid", "from", "to", "updatedAt")
         VALUES ('c1', 's1', 'CA00000000000000000000000000000001', '+14155550100', '+14155550111', now())`,
      );
      const insert = `INSERT INTO "call_events" ("id", "salonId", "callLogId", "at", "kind", "detail", "dedupeKey", "updatedAt")
                      VALUES ($1, 's1', 'c1', now(), $2::"CallEventKind", $3::jsonb, $1, now())`;
      for (const [id, detail] of Object.entries(BEFORE))
        await c.query(insert, [id, "TRANSFER_ENDED", JSON.stringify(detail)]);
      // Not a transfer: a "result" key here is none of this migration's business.
      await c.query(insert, ["h1", "HEARD", JSON.stringify({ intent: "MENU", result: "completed" })]);
    });
    const full = migrationsThrough(true);

    expect(await migrateUp(database.url, { dir: full })).toEqual([MIGRATION]);
    const after = await withClient(database.url, readDetails);
    expect(after).toEqual({
      e1: { to: "+14155550199", result: "PICKED_UP", seconds: 95, accepted: true },
      e2: { to: "+14155550199", result: "PICKED_UP", seconds: 12 },
      e3: { to: "+14155550199", result: "NO_ANSWER", seconds: 0, accepted: false },
      e4: { to: null, result: "BUSY" },
      e5: { to: "+14155550199", result: "FAILED" },
      e6: { to: "+14155550199", result: "CANCELED" },
      e7: { to: "+14155550199", result: "UNKNOWN" },
      e8: { to: "+14155550199", result: "UNKNOWN" },
      e9: { to: "+14155550199" },
      h1: { intent: "MENU", result: "completed" },
    });
    // What API clients read is what they read before (a conference's "answered" reads as "completed";
    // a status Bolt never knew, which the old code passed through, as "unknown").
    const sameAnswers = {
      e1: "completed",
      e2: "completed",
      e3: "no-answer",
      e4: "busy",
      e5: "failed",
      e6: "canceled",
      e7: "unknown",
      e8: "unknown",
      e9: undefined,
    };
    expect(apiResults(after)).toEqual(sameAnswers);
    // A row an older instance writes during a rolling deploy (Twilio's word, unconverted) reads the same.
    // (A word Twilio never sends, "ringing", is left out, as the timeline leaves out any value it can't read.)
    expect(apiResults(BEFORE)).toEqual({ ...sameAnswers, e8: undefined });

    expect(await migrateDown(database.url, { dir: full })).toEqual([MIGRATION]);
    expect(await withClient(database.url, readDetails)).toEqual({
      ...BEFORE,
      e2: { to: "+14155550199", result: "completed", seconds: 12 },
      e8: { to: "+14155550199", result: "unknown" },
      h1: { intent: "MENU", result: "completed" },
    });
  });
});
