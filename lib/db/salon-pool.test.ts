// The salon pool behind salonDb (lib/db/salon-pool.ts): every statement runs in a transaction that sets the
// caller's salon first, and nothing is left on a pooled connection for the next caller, whatever happens.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, db, querySalon, salonDb, scopeToSalon } from "@/lib/db";
import { runAsSalon } from "@/lib/db/salon-pool";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createCallLog, createCustomer, createNotification, createSalon } from "@/lib/testing/factories";

async function seedSalon() {
  const salon = await createSalon();
  const customer = await createCustomer(salon.id);
  await createCallLog(salon.id, { customerId: customer.id });
  await createNotification(salon.id, { customerId: customer.id });
  return { salon, customer };
}

let a: Awaited<ReturnType<typeof seedSalon>>;
let b: Awaited<ReturnType<typeof seedSalon>>;
let bare: PrismaClient;

beforeAll(async () => {
  [a, b] = [await seedSalon(), await seedSalon()];
  // A salon-role client on a single connection, so anything left on the connection would show.
  bare = createPrismaClient(env.DATABASE_URL, { system: false, max: 1 });
});

afterAll(async () => {
  await bare.$disconnect();
});

describe("the salon pool", () => {
  it("interleaved salons on one pooled connection, a rolled-back transaction and failed statements leave no salon behind", async () => {
    const [scopedA, scopedB] = [scopeToSalon(bare, a.salon.id), scopeToSalon(bare, b.salon.id)];
    const ids = (rows: Array<{ salonId: string }>) => [...new Set(rows.map((r) => r.salonId))];
    const interleaved = () =>
      Promise.all([
        scopedA.customer.findMany(),
        scopedB.customer.findMany(),
        bare.customer.findMany(),
        // findUnique calls of one tick are merged by Prisma: each salon must still get only its own.
        scopedA.customer.findUnique({ where: { id: a.customer.id } }),
        scopedB.customer.findUnique({ where: { id: b.customer.id } }),
        scopedA.customer.findUnique({ where: { id: b.customer.id } }),
        scopedB.callLog.count(),
        scopedA.notification.findMany({ select: { salonId: true } }),
      ]);
    const expectIsolated = async () => {
      const [inA, inB, none, ownA, ownB, crossA, callsB, notesA] = await interleaved();
      expect([ids(inA), ids(inB), none]).toEqual([[a.salon.id], [b.salon.id], []]);
      expect([ownA?.id, ownB?.id, crossA]).toEqual([a.customer.id, b.customer.id, null]);
      expect(callsB).toBe(1);
      expect(ids(notesA)).toEqual([a.salon.id]);
    };
    await expectIsolated();

    // A transaction as A that rolls back, having also set B for the whole session.
    await expect(
      runAsSalon(a.salon.id, () =>
        bare.$transaction(async (tx) => {
          await tx.$executeRaw`SELECT set_config('bolt.salon_id', ${b.salon.id}, false)`;
          await tx.customer.updateMany({ data: { notes: "rolled back" } });
          throw new Error("roll back");
        }),
      ),
    ).rejects.toThrow("roll back");
    await expectIsolated();

    // Even one that commits a session-wide setting is overridden by every later statement's own.
    await runAsSalon(b.salon.id, () => bare.$transaction((tx) => tx.$executeRaw`SELECT set_config('bolt.salon_id', ${b.salon.id}, false)`));
    await expectIsolated();

    // Failed statements: a unique violation, a policy violation, a query error.
    await expect(scopedA.customer.create({ data: { salonId: a.salon.id, phone: a.customer.phone } })).rejects.toThrow();
    await expect(scopedA.customer.create({ data: { salonId: b.salon.id, phone: "+14155550009" } })).rejects.toThrow(/row-level security/);
    await expect(runAsSalon(a.salon.id, () => bare.$queryRawUnsafe("SELECT 1/0"))).rejects.toThrow(/division by zero/);
    await expectIsolated();
    expect(await db.customer.count({ where: { notes: "rolled back" } })).toBe(0);
  });

  it("a salon transaction may still choose its isolation level (the salon is set by a statement that takes no snapshot)", async () => {
    const [seen] = await runAsSalon(a.salon.id, () =>
      bare.$transaction(
        (tx) => tx.$queryRaw<Array<{ level: string; salons: bigint }>>`
          SELECT current_setting('transaction_isolation') AS level, (SELECT count(*) FROM "salons") AS salons`,
        { isolationLevel: "Serializable" },
      ),
    );
    expect(seen).toEqual({ level: "serializable", salons: 1n });
  });

  it("a salon client runs raw SQL as its salon, and refuses $transaction (withSalonTransaction is the way)", async () => {
    const rows = await salonDb(a.salon.id).$queryRaw<Array<{ salonId: string }>>`SELECT "salonId" FROM "customers"`;
    expect(rows).toEqual([{ salonId: a.salon.id }]);
    expect(() => salonDb(a.salon.id).$transaction()).toThrow(/withSalonTransaction/);
  });

  it("querySalon (no Prisma) runs as its salon too: a statement that forgets its salonId still sees only that salon", async () => {
    const forgetful = { text: `SELECT "salonId" FROM "customers" UNION ALL SELECT "salonId" FROM "call_logs"` };
    const [inA, inB] = await Promise.all([querySalon(a.salon.id, forgetful), querySalon(b.salon.id, forgetful)]);
    expect([inA, inB]).toEqual([[{ salonId: a.salon.id }, { salonId: a.salon.id }], [{ salonId: b.salon.id }, { salonId: b.salon.id }]]);
    // A failed statement rolls back and leaves its connection clean for the next caller.
    await expect(querySalon(a.salon.id, { text: `SELECT 1/0` })).rejects.toThrow(/division by zero/);
    expect(await querySalon(b.salon.id, { text: `SELECT current_setting('bolt.salon_id') AS salon` })).toEqual([{ salon: b.salon.id }]);
  });

  it("a second copy of the salon-pool module (Next bundles one per server chunk) still runs as the caller's salon", async () => {
    // The pool is made once and shared through globalThis; the caller may reach runAsSalon through another
    // copy of the module. Both must use one store, or every statement runs with no salon at all.
    vi.resetModules();
    const copy = await import("@/lib/db/salon-pool");
    expect(copy.runAsSalon).not.toBe(runAsSalon);
    // Awaited inside: a Prisma query is lazy and would otherwise start outside the salon's context.
    expect(await copy.runAsSalon(a.salon.id, async () => await bare.customer.count())).toBe(1);
    const [row] = await copy.runAsSalon(b.salon.id, () =>
      bare.$transaction((tx) => tx.$queryRaw<Array<{ salon: string }>>`SELECT current_setting('bolt.salon_id') AS salon`),
    );
    expect(row).toEqual({ salon: b.salon.id });
  });

  it("the salon setting lasts only for its transaction on a pooled connection", async () => {
    expect(await scopeToSalon(bare, a.salon.id).customer.count()).toBe(1);
    expect(await bare.customer.count()).toBe(0);
  });
});
