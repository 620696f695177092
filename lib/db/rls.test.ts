// Row-level security is the second wall between salons: even a query that forgets
// `where: { salonId }` must see only its own salon, and a scoped client must not write into another.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, db, salonDb, scopeToSalon, withSalonTransaction } from "@/lib/db";
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
  const customer = await createCustomer(salon.id);
  const appointment = await createAppointment(salon.id, {
    customerId: customer.id,
    employeeId: employee.id,
    serviceId: service.id,
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

describe("row-level security", () => {
  it("applies to the app's role: not a superuser, no BYPASSRLS", async () => {
    const [role] = await db.$queryRaw<Array<{ rolsuper: boolean; rolbypassrls: boolean }>>`
      SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it("guards salons and every table with a salonId, and no other table", async () => {
    const guarded = ["salons", ...salonOwnedModels().map(tableOf)].sort();
    const schema = await introspect(env.DATABASE_URL);
    const forced = Object.entries(schema.tables)
      .filter(([, t]) => t.rowSecurity && t.forceRowSecurity)
      .map(([name]) => name);
    expect(forced.sort()).toEqual(guarded);
    expect(schema.policies.map((p) => p.table).sort()).toEqual(guarded);
    for (const policy of schema.policies) {
      const column = policy.table === "salons" ? "id" : `"salonId"`;
      expect(policy).toMatchObject({ name: "salon_isolation", command: "ALL" });
      expect(policy.using).toBe(
        `((${column} = current_setting('bolt.salon_id'::text, true)) OR (current_setting('bolt.system'::text, true) = 'on'::text))`,
      );
      expect(policy.check).toBe(policy.using);
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

  it("the salon setting lasts only for its transaction on a pooled connection", async () => {
    expect(await scopeToSalon(bare, a.salon.id).customer.count()).toBe(1);
    expect(await bare.customer.count()).toBe(0);
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
