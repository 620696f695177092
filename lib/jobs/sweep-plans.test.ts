// The worker's sweeps read a bounded number of rows whatever the table size: each sweep's own statement
// (the exported builder the sweep runs, not a copy) is EXPLAIN ANALYZEd on generated data where nearly
// every row is one the sweep must not touch (delivered texts with an old check time, reminders booked
// days ahead, answered incoming texts, live sessions), with more due rows than the limit. Each plan must
// seek an index (no Seq Scan), read at most the limit plus a little, and sort no more than that.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { expiredSessionsDelete } from "@/lib/auth/sessions";
import { dueForCheckQuery, loadDueForCheck } from "@/lib/messaging/delivery/delivery-store";
import { strandedNotificationsQuery } from "@/lib/messaging/delivery/requeue-stranded";
import { dueCustomersQuery, SWEEP_BATCH } from "@/lib/messaging/retry-unprocessed-texts";

const NOW = new Date("2026-12-06T22:00:00Z");
const CUTOFF = new Date(NOW.getTime() - 5 * 60_000);
const LIMIT = 20;
/** Due rows of each kind: more than LIMIT, so a plan that reads them all would show. */
const DUE = 60;
const TEXTS = 30_000;

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  "Shared Hit Blocks": number;
  "Shared Read Blocks": number;
  Plans?: PlanNode[];
};

async function explain(statement: Prisma.Sql): Promise<PlanNode> {
  const [row] = await db.$queryRaw<Array<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>>(
    Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement}`,
  );
  return row!["QUERY PLAN"][0]!.Plan;
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** Rows the plan's scans of `table` looked at: returned plus thrown away, over every loop. */
function rowsRead(plan: PlanNode, table: string): number {
  return nodes(plan)
    .filter((n) => n["Relation Name"] === table)
    .reduce(
      (sum, n) =>
        sum +
        n["Actual Loops"] *
          (n["Actual Rows"] + (n["Rows Removed by Filter"] ?? 0) + (n["Rows Removed by Index Recheck"] ?? 0)),
      0,
    );
}

/** The shape every sweep must have: index scans only, bounded reads, and no sort of more than that. */
function expectBounded(plan: PlanNode, table: string, index: string, maxRows: number) {
  const all = nodes(plan);
  expect(all.filter((n) => n["Node Type"].includes("Seq Scan")).map((n) => n["Relation Name"])).toEqual([]);
  expect(all.filter((n) => n["Relation Name"] === table).map((n) => n["Index Name"])).toContain(index);
  expect(rowsRead(plan, table)).toBeLessThanOrEqual(maxRows);
  for (const sort of all.filter((n) => n["Node Type"] === "Sort"))
    for (const input of sort.Plans ?? []) expect(input["Actual Rows"] * input["Actual Loops"]).toBeLessThanOrEqual(maxRows);
  // Pages touched stay a small fraction of the table's (a scan would touch them all).
  expect(plan["Shared Hit Blocks"] + plan["Shared Read Blocks"]).toBeLessThanOrEqual(4 * maxRows);
}

const ago = (minutes: number) => Prisma.sql`${NOW}::timestamp(3) - ${minutes} * interval '1 minute'`;

beforeAll(async () => {
  // One statement per table; ids carry a prefix so the expected rows are easy to name.
  await db.$executeRaw`INSERT INTO "salons" ("id", "name", "slug", "updatedAt")
    SELECT 'plan-s' || g, 'Salon ' || g, 'plan-salon-' || g, ${NOW}::timestamp(3) FROM generate_series(0, 19) g`;
  await db.$executeRaw`INSERT INTO "customers" ("id", "salonId", "phone", "updatedAt")
    SELECT 'plan-c' || g, 'plan-s' || (g % 20), '+1212' || lpad(g::text, 7, '0'), ${NOW}::timestamp(3)
    FROM generate_series(0, 1999) g`;
  // What the sweeps must pass over: mostly delivered texts (their check time left behind), reminders
  // queued for the days ahead, failures, and texts in flight whose check is not yet due.
  await db.$executeRaw`INSERT INTO "notifications" ("id", "salonId", "recipientKind", "destination", "body", "kind",
      "status", "scheduledFor", "statusCheckAt", "createdAt", "updatedAt")
    SELECT 'plan-n' || g, 'plan-s' || (g % 20), 'OTHER', '+14155550100', 'Hi', 'REMINDER', k::"NotificationStatus",
      CASE WHEN k = 'QUEUED' THEN ${NOW}::timestamp(3) + g * interval '1 minute' END,
      CASE WHEN k = 'DELIVERED' THEN ${ago(24 * 60)} WHEN k IN ('SENDING', 'SENT') THEN ${NOW}::timestamp(3) + interval '1 hour' END,
      ${ago(24 * 60)}, ${ago(24 * 60)}
    FROM (SELECT g, CASE WHEN g % 100 < 85 THEN 'DELIVERED' WHEN g % 100 < 92 THEN 'QUEUED' WHEN g % 100 < 96 THEN 'FAILED'
                         WHEN g % 100 < 98 THEN 'SENDING' ELSE 'SENT' END AS k
          FROM generate_series(1, ${TEXTS}) g) x`;
  // Stranded: QUEUED, unchanged for an hour, to send now (even g) or due two hours ago (odd g); the
  // higher g, the older. Then texts queued or rescheduled a minute ago, which are not stranded yet.
  await db.$executeRaw`INSERT INTO "notifications" ("id", "salonId", "recipientKind", "destination", "body", "kind",
      "status", "scheduledFor", "createdAt", "updatedAt")
    SELECT 'plan-q' || g, 'plan-s' || (g % 20), 'OTHER', '+14155550100', 'Hi', 'CUSTOM', 'QUEUED',
      CASE WHEN g % 2 = 1 THEN ${ago(120)} END, ${ago(180)},
      CASE WHEN g <= 2 * ${DUE} THEN ${ago(60)} - g * interval '1 second' ELSE ${ago(1)} END
    FROM generate_series(1, 3 * ${DUE}) g`;
  // Due a check with Twilio: claimed (SENDING) or sent texts, and e-mails, which this sweep leaves alone.
  await db.$executeRaw`INSERT INTO "notifications" ("id", "salonId", "channel", "recipientKind", "destination", "body",
      "kind", "status", "statusCheckAt", "createdAt", "updatedAt")
    SELECT 'plan-d' || g, 'plan-s' || (g % 20), (CASE WHEN g > 2 * ${DUE} THEN 'EMAIL' ELSE 'SMS' END)::"NotificationChannel",
      'OTHER', '+14155550100', 'Hi', 'CUSTOM', (CASE WHEN g % 2 = 0 THEN 'SENDING' ELSE 'SENT' END)::"NotificationStatus",
      ${ago(30)} - g * interval '1 second', ${ago(180)}, ${ago(60)}
    FROM generate_series(1, 2 * ${DUE} + ${DUE} / 2) g`;
  // Answered incoming texts, and one due retry per customer for DUE customers.
  await db.$executeRaw`INSERT INTO "inbound_messages" ("id", "salonId", "customerId", "messageSid", "from", "to", "body",
      "receivedAt", "updatedAt", "processedAt", "nextAttemptAt")
    SELECT 'plan-i' || g, 'plan-s' || (g % 20), 'plan-c' || (g % 2000), 'SMplan' || g, '+1', '+2', 'Hi',
      ${ago(60)} - g * interval '1 second', ${NOW}::timestamp(3),
      CASE WHEN g > ${DUE} THEN ${ago(59)} END, CASE WHEN g <= ${DUE} THEN ${ago(1)} END
    FROM generate_series(1, 20000) g`;
  await db.$executeRaw`INSERT INTO "users" ("id", "email", "name", "passwordHash", "updatedAt")
    VALUES ('plan-u', 'plan@example.com', 'Plan', 'x', ${NOW}::timestamp(3))`;
  await db.$executeRaw`INSERT INTO "sessions" ("id", "userId", "createdAt", "lastSeenAt", "updatedAt")
    SELECT 'plan-ss' || g, 'plan-u', CASE WHEN g <= ${DUE} THEN ${ago(15 * 24 * 60)} ELSE ${ago(60)} END,
      ${NOW}::timestamp(3), ${NOW}::timestamp(3)
    FROM generate_series(1, 10000) g`;
  await db.$executeRaw`ANALYZE "notifications", "inbound_messages", "sessions"`;
});

describe("the stranded-texts sweep", () => {
  it("picks the oldest due QUEUED texts, sent-now and scheduled alike, and never the ones booked ahead", async () => {
    const rows = await db.$queryRaw<Array<{ id: string }>>(strandedNotificationsQuery(CUTOFF, 2 * DUE + 10));
    const ids = rows.map((r) => r.id);
    // The 2 × DUE stranded rows, oldest change first; not the recently changed ones nor any future reminder.
    expect(ids).toEqual(Array.from({ length: 2 * DUE }, (_, i) => `plan-q${2 * DUE - i}`));
  });

  it("reads the limit's worth of rows by (status, scheduledFor, updatedAt)", async () => {
    const plan = await explain(strandedNotificationsQuery(CUTOFF, LIMIT));
    expectBounded(plan, "notifications", "notifications_status_scheduledFor_updatedAt_idx", 2 * LIMIT + 5);
  });
});

describe("the check-with-Twilio sweep (settle-texts)", () => {
  it("picks SMS texts still SENDING or SENT whose check is due, oldest due first", async () => {
    const rows = await loadDueForCheck(NOW, 500);
    expect(rows.every((r) => (r.status === "SENDING" || r.status === "SENT") && r.channel === "SMS")).toBe(true);
    // Oldest due first: the higher g, the older.
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 2 * DUE }, (_, i) => `plan-d${2 * DUE - i}`));
  });

  it("reads the limit's worth of rows by (status, statusCheckAt), not the delivered texts behind them", async () => {
    const plan = await explain(dueForCheckQuery(NOW, LIMIT));
    // Each status's seek may stop one row late; the e-mails with a due check are filtered out on the way.
    expectBounded(plan, "notifications", "notifications_status_statusCheckAt_idx", 2 * LIMIT + DUE / 2 + 5);
  });
});

describe("the unprocessed incoming texts sweep", () => {
  it("reads only the texts still due a retry, by (processedAt, nextAttemptAt)", async () => {
    const plan = await explain(dueCustomersQuery(NOW));
    expect(DUE).toBeGreaterThan(SWEEP_BATCH);
    // Every due text, and for each one its customer's older texts (10 here): bounded by the work
    // waiting and those customers' own histories, not by the table.
    expectBounded(plan, "inbound_messages", "inbound_messages_processedAt_nextAttemptAt_idx", 12 * DUE);
  });
});

describe("the expired sessions sweep", () => {
  it("deletes the limit's worth of the oldest sessions by the createdAt index", async () => {
    const cutoff = new Date(NOW.getTime() - 14 * 24 * 3600_000);
    const plan = await explain(expiredSessionsDelete(cutoff, LIMIT));
    // The limit's worth by createdAt, then each of those by its primary key.
    expectBounded(plan, "sessions", "sessions_createdAt_idx", 2 * LIMIT + 5);
    expect(await db.session.count({ where: { createdAt: { lt: cutoff } } })).toBe(DUE - LIMIT);
  });
});
