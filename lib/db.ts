// The Prisma clients. `db` is the system client for the few paths that work across salons
// (webhook tenant lookup, jobs, sign-in): it is the login role, which owns the tables, and row-level
// security does not apply to the owner. `salonDb(salonId)` is what domain code uses: it runs as the
// salon role (lib/db/roles.ts), each statement in a transaction that sets `bolt.salon_id`
// (lib/db/salon-pool.ts), and row-level security admits only that salon's rows even when a
// `where: { salonId }` is forgotten; with no salon set it admits none.
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { salonRoleOption } from "@/lib/db/roles";
import { createSalonPool, runAsSalon } from "@/lib/db/salon-pool";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

type Clients = { system: PrismaClient; scopedBase: PrismaClient; salonPool: pg.Pool };

const globalForDb = globalThis as unknown as { boltDb?: Clients };

/**
 * `system`: the login role, which sees every salon. Otherwise the salon role, whose statements see the
 * salon that `scopeToSalon`/`withSalonTransaction` name, or nothing. No default: a caller must choose.
 */
export function createPrismaClient(url: string, opts: { system: boolean; max?: number; salonPool?: pg.Pool }): PrismaClient {
  const max = opts.max ?? env.DATABASE_POOL_SIZE;
  const adapter = opts.system
    ? new PrismaPg({ connectionString: url, max })
    : new PrismaPg(opts.salonPool ?? newSalonPool(url, max), { disposeExternalPool: true });
  // Under load a page's parallel queries and transactions can queue for the pool, so wait rather
  // than fail after Prisma's 2 s default.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 30_000 } });
}

const newSalonPool = (url: string, max: number) => createSalonPool({ connectionString: url, max, options: salonRoleOption(url) });

function clients(): Clients {
  if (!globalForDb.boltDb) {
    // The salon client's pool, shared with querySalon's statements (closed by the client's $disconnect).
    const salonPool = newSalonPool(env.DATABASE_URL, env.DATABASE_POOL_SIZE);
    globalForDb.boltDb = {
      system: createPrismaClient(env.DATABASE_URL, { system: true }),
      scopedBase: createPrismaClient(env.DATABASE_URL, { system: false, salonPool }),
      salonPool,
    };
  }
  return globalForDb.boltDb;
}

/** Wraps a salon client so every operation (raw SQL too) runs with the salon set for its transaction. */
export function scopeToSalon(base: PrismaClient, salonId: string) {
  return base.$extends({
    name: "salon-scope",
    client: {
      // A batch transaction is sent from whichever async context Prisma gathers it in, so it could run
      // with another caller's salon; an interactive one would start with none.
      $transaction(): never {
        throw new Error("salonDb(…).$transaction is not scoped to the salon: use withSalonTransaction(salonId, fn)");
      },
    },
    query: {
      async $allOperations({ model, operation, args, query }) {
        // Prisma gathers the findUnique calls of one tick, whichever client made them, and sends
        // them from the async context of the first: one could run with another caller's salon. In
        // a transaction of its own it is sent on a connection its BEGIN has already scoped.
        if (model && (operation === "findUnique" || operation === "findUniqueOrThrow"))
          return runAsSalon(salonId, () => base.$transaction((tx) => delegate(tx, model)[operation](args)));
        return runAsSalon(salonId, async () => await query(args));
      },
    },
  });
}

type Delegate = Record<"findUnique" | "findUniqueOrThrow", (args: unknown) => Promise<unknown>>;
const delegate = (client: unknown, model: string) =>
  (client as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!;

export type SalonDb = ReturnType<typeof scopeToSalon>;

/** The system client: sees every salon. Use only where no salon is known yet. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_t, key) => {
    const client = clients().system;
    const value = Reflect.get(client, key, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** A client that can only ever read or write `salonId`'s rows. */
export function salonDb(salonId: string): SalonDb {
  return scopeToSalon(clients().scopedBase, salonId);
}

/**
 * One statement as `salonId`, on the salon client's pool but without Prisma (one round trip, as
 * salonDb's): for the hot API lists, where Prisma's per-query work was most of a request's CPU. The
 * caller's SQL must still name its salonId; row-level security is the second wall, as for salonDb.
 */
export async function querySalon<R extends pg.QueryResultRow>(salonId: string, query: pg.QueryConfig): Promise<R[]> {
  const pool = clients().salonPool;
  return (await runAsSalon(salonId, () => pool.query<R>(query))).rows;
}

/**
 * Runs several statements in one transaction scoped to a salon (for multi-step writes).
 * Inside, `tx` sees only that salon's rows.
 */
export async function withSalonTransaction<T>(
  salonId: string,
  fn: (tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0]) => Promise<T>,
): Promise<T> {
  // Its BEGIN sets the salon (lib/db/salon-pool.ts).
  return runAsSalon(salonId, () => clients().scopedBase.$transaction(fn));
}

export async function disconnectDb(): Promise<void> {
  const c = globalForDb.boltDb;
  globalForDb.boltDb = undefined;
  if (c) await Promise.all([c.system.$disconnect(), c.scopedBase.$disconnect()]);
}
