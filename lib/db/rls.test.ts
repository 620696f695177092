// Row-level security is the second wall between salons: even a query that forgets
// `where: { salonId }` must see only its own salon, and a scoped client must not write into another.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, db, salonDb, withSalonTransaction } from "@/lib/db";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  createAppointment,
  createCallLog,
  createCustomer,
  createEmployee,
  createNotification,
  createSalon,
  createService,
  createUser,
} from "@/lib/testing/factories";
import { introspect } from "@/lib/testing/introspect";
import { salonOwnedModels, tableOf } from "@/lib/testing/prisma-schema";

/** One row in every salon-owned table, linked the way the app links them. */
async function seedSalon() {
  const salon = await createSalon();
  const user = await createUser({ salonId: salon.id, role: "OWNER" });
  const employee = await createEmployee(salon.id);
  const service = await createService(salon.id);
  await db.employeeService.create({ data: { salonId: salon.id, employeeId: employee.id, serviceId: service.id } });
  await db.employeeTimeOff.create({
    data: { salonId: salon.id, employeeId: employee.id, startsAt: new Date("2026-12-24T05:00:00Z"), endsAt: new Date("2026-12-26T05:00:00Z") },
  });
  await db.specialDay.create({ data: { salonId: salon.id, date: new Date("2026-12-25"), label: "Christmas Day" } });
  const customer = await createCustomer(salon.id);
  const appointment = await createAppointment(salon.id, {
    customerId: customer.id,
    employeeId: employee.id,
    serviceId: service.id,
  });
  const entry = await db.waitlistEntry.create({
    data: { salonId: salon.id, customerId: customer.id, windowStart: new Date(0), windowEnd: appointment.startsAt },
  });
  await db.waitlistOffer.create({
    data: { salonId: salon.id, entryId: entry.id, freedAppointmentId: appointment.id, startsAt: appointment.startsAt, endsAt: appointment.endsAt, expiresAt: appointment.startsAt },
  });
  const callLog = await createCallLog(salon.id, { customerId: customer.id });
  await db.callEvent.create({
    data: { salonId: salon.id, callLogId: callLog.id, at: callLog.startedAt, kind: "HEARD", dedupeKey: "gather:1:heard" },
  });
  const notification = await createNotification(salon.id, {
    customerId: customer.id,
    appointmentId: appointment.id,
  });
  await db.notificationEvent.create({
    data: { salonId: salon.id, notificationId: notification.id, status: "QUEUED" },
  });
  await db.inboundMessage.create({
    data: {
      salonId: salon.id,
      customerId: customer.id,
      messageSid: `SM${randomBytes(16).toString("hex")}`,
      from: customer.phone,
      to: "+14155550100",
      body: "Hi",
    },
  });
  await db.apiKey.create({
    data: {
      salonId: salon.id,
      name: "Zapier",
      prefix: "bolt_abc",
      hashedKey: randomBytes(32).toString("hex"),
    },
  });
  await db.auditLog.create({ data: { salonId: salon.id, actorUserId: user.id, action: "salon.updated" } });
  await db.numberProvisioning.create({ data: { salonId: salon.id, state: "PENDING" } });
  await db.invitation.create({
    data: { salonId: salon.id, email: "new@example.test", tokenHash: randomBytes(32).toString("hex"), expiresAt: new Date(0) },
  });
  await db.receptionistDialogue.create({
    data: { salonId: salon.id, key: `text:${customer.id}`, customerId: customer.id, state: { v: 1, step: "idle" }, expiresAt: new Date(0) },
  });
  const membership = await db.membership.findFirstOrThrow({ where: { salonId: salon.id, userId: user.id } });
  await db.alertPreference.create({ data: { salonId: salon.id, membershipId: membership.id, emailEvents: ["VOICEMAIL"] } });
  await db.pushSubscription.create({
    data: { salonId: salon.id, membershipId: membership.id, endpoint: `https://push.example.test/${randomBytes(8).toString("hex")}`, p256dh: "p", auth: "a" },
  });
  await db.pushAlert.create({
    data: { salonId: salon.id, membershipId: membership.id, key: "alert:test", title: "Test", body: "Test", url: "/", sendAfter: new Date(0) },
  });
  await db.webhookEvent.create({
    data: { provider: "STRIPE", eventId: `evt_${randomBytes(12).toString("hex")}`, type: "invoice.paid", salonId: salon.id },
  });
  return { salon, customer, callLog, notification };
}

/** Model name → Prisma delegate, for checks that must cover every salon-owned model generically. */
type Delegate = { findMany: () => Promise<Array<{ salonId: string }>>; count: () => Promise<number> };
const delegateOf = (client: unknown, model: string) =>
  (client as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!;

const ownedModels = salonOwnedModels().map((m) => m.name);

let a: Awaited<ReturnType<typeof seedSalon>>;
let b: Awaited<ReturnType<typeof seedSalon>>;
let bare: PrismaClient;

beforeAll(async () => {
  [a, b] = [await seedSalon(), await seedSalon()];
  // A non-system client on a single connection, so "the setting does not outlive its transaction" is observable.
  bare = createPrismaClient(env.DATABASE_URL, { system: false, max: 1 });
});

afterAll(async () => {
  await bare.$disconnect();
});

const guardedTables = () => ["salons", ...salonOwnedModels().map(tableOf)].sort();

describe("row-level security", () => {
  it("applies to the salon role: no login, not a superuser, no BYPASSRLS; the system client is the owner", async () => {
    const [salon] = await withSalonTransaction(a.salon.id, (tx) => tx.$queryRaw<Array<Record<string, unknown>>>`
      SELECT current_user AS name, session_user AS login, rolcanlogin, rolsuper, rolbypassrls
      FROM pg_roles WHERE rolname = current_user`);
    const login = new URL(env.DATABASE_URL).username;
    expect(salon).toEqual({ name: `${login}_salon`, login, rolcanlogin: false, rolsuper: false, rolbypassrls: false });
    const [system] = await db.$queryRaw<Array<{ owner: string; me: string }>>`
      SELECT pg_get_userbyid(relowner) AS owner, current_user AS me FROM pg_class WHERE relname = 'customers'`;
    expect(system!.owner).toBe(system!.me);
  });

  it("guards salons and every table with a salonId, and no other table, with an ordinary (not forced) policy", async () => {
    const guarded = guardedTables();
    const schema = await introspect(env.DATABASE_URL);
    const enabled = Object.entries(schema.tables).filter(([, t]) => t.rowSecurity);
    expect(enabled.map(([name]) => name).sort()).toEqual(guarded);
    // Not forced: the owner (system paths, migrations) is not subject to it; the salon role always is.
    expect(enabled.filter(([, t]) => t.forceRowSecurity)).toEqual([]);
    expect(schema.policies.map((p) => p.table).sort()).toEqual(guarded);
    for (const policy of schema.policies) {
      const column = policy.table === "salons" ? "id" : `"salonId"`;
      expect(policy).toMatchObject({ name: "salon_isolation", command: "ALL" });
      expect(policy.using).toBe(`(${column} = current_setting('bolt.salon_id'::text, true))`);
      expect(policy.check).toBe(policy.using);
    }
  });

  it("policies are a plain predicate the planner can use: no OR, no system switch", async () => {
    const policies = await db.$queryRaw<Array<{ tablename: string; qual: string; with_check: string; roles: string[] }>>`
      SELECT tablename, qual, with_check, roles::text[] AS roles FROM pg_policies WHERE schemaname = current_schema()`;
    expect(policies.map((p) => p.tablename).sort()).toEqual(guardedTables());
    for (const p of policies) {
      expect(`${p.qual} ${p.with_check}`).not.toMatch(/\bOR\b|bolt\.system/i);
      expect(p.roles).toEqual(["public"]);
    }
  });

  it.each(ownedModels)("%s: a scoped findMany without where returns only its salon's rows", async (model) => {
    const rows = await delegateOf(salonDb(a.salon.id), model).findMany();
    expect(rows.length, `seedSalon() should create a ${model} row`).toBeGreaterThan(0);
    expect(rows.every((r) => r.salonId === a.salon.id)).toBe(true);
    expect(await delegateOf(salonDb(b.salon.id), model).count()).toBe(
      await delegateOf(db, model)
        .findMany()
        .then((all) => all.filter((r) => r.salonId === b.salon.id).length),
    );
  });

  it("a scoped client sees only its own salon and cannot fetch another's rows by id", async () => {
    const scoped = salonDb(a.salon.id);
    expect((await scoped.salon.findMany()).map((s) => s.id)).toEqual([a.salon.id]);
    expect(await scoped.customer.findUnique({ where: { id: b.customer.id } })).toBeNull();
    expect(await scoped.callLog.findFirst({ where: { callSid: b.callLog.callSid } })).toBeNull();
    expect(await scoped.notification.count({ where: { id: b.notification.id } })).toBe(0);
  });

  it("a non-system client with no salon set sees nothing", async () => {
    await db.webhookEvent.create({ data: { provider: "TWILIO", eventId: `EV${randomBytes(16).toString("hex")}`, type: "unmatched" } });
    expect(await bare.salon.findMany()).toEqual([]);
    expect(await bare.webhookEvent.count()).toBe(0);
    expect(await salonDb(a.salon.id).webhookEvent.count({ where: { salonId: null } })).toBe(0);
    expect(await bare.customer.findMany()).toEqual([]);
    expect(await bare.callLog.count()).toBe(0);
    expect(await bare.notification.count()).toBe(0);
  });

  it("the salon role with no salon set reads nothing and writes nothing, in every guarded table", async () => {
    for (const table of guardedTables()) {
      const t = `"${table}"`;
      const [counted] = await bare.$queryRawUnsafe<Array<{ rows: bigint }>>(`SELECT count(*) AS rows FROM ${t}`);
      expect(counted!.rows, table).toBe(0n);
      expect(await bare.$executeRawUnsafe(`UPDATE ${t} SET "updatedAt" = "updatedAt"`), table).toBe(0);
      if (table === "salons") await expect(bare.$executeRawUnsafe(`DELETE FROM ${t}`)).rejects.toThrow(/permission denied/);
      else expect(await bare.$executeRawUnsafe(`DELETE FROM ${t}`), table).toBe(0);
      // A copy of a real row of salon A (same salonId), inserted without a salon set.
      const [real] = await db.$queryRawUnsafe<Array<{ row: unknown }>>(
        `SELECT row_to_json(x) AS row FROM ${t} x WHERE ${table === "salons" ? "id" : `"salonId"`} = $1 LIMIT 1`,
        a.salon.id,
      );
      await expect(
        bare.$executeRawUnsafe(`INSERT INTO ${t} SELECT * FROM json_populate_record(NULL::${t}, $1::json)`, JSON.stringify(real!.row)),
        table,
      ).rejects.toThrow(table === "salons" ? /permission denied/ : /row-level security/);
    }
    expect(await db.customer.count({ where: { salonId: a.salon.id } })).toBe(1);
  });

  it("the salon role cannot change the schema or the policies (no DDL rights)", async () => {
    for (const ddl of [
      `CREATE TABLE "sneaky" ("id" text)`,
      `ALTER TABLE "customers" DISABLE ROW LEVEL SECURITY`,
      `DROP POLICY "salon_isolation" ON "customers"`,
      `TRUNCATE "customers"`,
      `ALTER POLICY "salon_isolation" ON "customers" USING (true)`,
      `CREATE INDEX "sneaky" ON "customers" ("notes")`,
    ]) {
      await expect(bare.$executeRawUnsafe(ddl), ddl).rejects.toThrow(/permission denied|must be (the )?owner/);
    }
    const [rights] = await withSalonTransaction(a.salon.id, (tx) => tx.$queryRaw<Array<Record<string, boolean>>>`
      SELECT has_schema_privilege(current_schema(), 'CREATE') AS "create",
             has_database_privilege(current_database(), 'CREATE') AS "createSchema",
             has_table_privilege('"_prisma_migrations"', 'SELECT') AS "readHistory",
             EXISTS (SELECT 1 FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)) AS "ownsAnything"`);
    expect(rights).toEqual({ create: false, createSchema: false, readHistory: false, ownsAnything: false });
  });

  it("the planner uses the salon's index under the policy, and estimates the salon's rows", async () => {
    await db.$executeRaw`
      INSERT INTO "notifications" ("id", "salonId", "recipientKind", "destination", "body", "kind", "status", "updatedAt")
      SELECT 'plan-' || s.id || '-' || i, s.id, 'CUSTOMER', '+14155550100', 'Hi', 'REMINDER',
             (CASE WHEN i % 10 = 0 THEN 'FAILED' ELSE 'DELIVERED' END)::"NotificationStatus", now()
      FROM generate_series(1, 3000) i, "salons" s`;
    await db.$executeRaw`ANALYZE "notifications"`;
    type Node = { "Index Name"?: string; "Index Cond"?: string; "Plan Rows": number; "Actual Rows": number; Plans?: Node[] };
    const flatten = (n: Node): Node[] => [n, ...(n.Plans ?? []).flatMap(flatten)];
    // No salonId in the query: the policy's predicate alone must become the index condition.
    const [explained] = await withSalonTransaction(a.salon.id, (tx) =>
      tx.$queryRaw<Array<{ "QUERY PLAN": Array<{ Plan: Node }> }>>`
        EXPLAIN (ANALYZE, FORMAT JSON) SELECT "id" FROM "notifications" WHERE "status" = 'FAILED'`,
    );
    const plan = explained!["QUERY PLAN"][0]!.Plan;
    const scan = flatten(plan).find((n) => n["Index Cond"]?.includes("current_setting('bolt.salon_id'"));
    expect(scan?.["Index Name"], JSON.stringify(plan)).toMatch(/^notifications_salonId_/);
    expect(plan["Actual Rows"]).toBe(300);
    // The planner counts on about the salon's share of the table (3,000 and a few of 6,000 and a few).
    expect(scan!["Plan Rows"] / scan!["Actual Rows"]).toBeGreaterThan(0.5);
    expect(scan!["Plan Rows"] / scan!["Actual Rows"]).toBeLessThan(2);
  });

  it("a scoped client cannot insert, move or touch rows of another salon (WITH CHECK)", async () => {
    const scoped = salonDb(a.salon.id);
    await expect(
      scoped.customer.create({ data: { salonId: b.salon.id, phone: "+14155550001" } }),
    ).rejects.toThrow(/row-level security/);
    await expect(
      scoped.customer.update({ where: { id: a.customer.id }, data: { salonId: b.salon.id } }),
    ).rejects.toThrow(/row-level security/);
    await expect(
      scoped.salon.create({ data: { name: "Sneaky", slug: `sneaky-${randomBytes(4).toString("hex")}` } }),
    ).rejects.toThrow(/row-level security/);
    expect(
      await scoped.customer.updateMany({ where: { salonId: b.salon.id }, data: { notes: "hijacked" } }),
    ).toEqual({ count: 0 });
    expect(await scoped.callLog.deleteMany({ where: { salonId: b.salon.id } })).toEqual({ count: 0 });

    expect(await db.customer.findUniqueOrThrow({ where: { id: b.customer.id } })).toMatchObject({
      salonId: b.salon.id,
      notes: null,
    });
    expect(await db.customer.findUniqueOrThrow({ where: { id: a.customer.id } })).toMatchObject({
      salonId: a.salon.id,
    });
    expect(await db.callLog.count({ where: { salonId: b.salon.id } })).toBe(1);
  });

  it("withSalonTransaction scopes every statement inside it", async () => {
    const ids = await withSalonTransaction(a.salon.id, async (tx) => {
      const customers = await tx.customer.findMany();
      const notifications = await tx.notification.findMany();
      return [...customers, ...notifications].map((r) => r.salonId);
    });
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set([a.salon.id]));
  });

  it("the system client sees every salon", async () => {
    const salonIds = new Set(
      (await db.customer.findMany({ select: { salonId: true } })).map((c) => c.salonId),
    );
    expect(salonIds).toEqual(new Set([a.salon.id, b.salon.id]));
    expect(await db.salon.count()).toBe(2);
  });
});
