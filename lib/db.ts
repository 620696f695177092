// The Prisma clients. `db` is the system client for the few paths that work across salons
// (webhook tenant lookup, jobs, sign-in); `salonDb(salonId)` is what domain code uses:
// every query runs in a transaction that sets `bolt.salon_id`, and row-level security admits
// only that salon's rows even when a `where: { salonId }` is forgotten.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

type Clients = { system: PrismaClient; scopedBase: PrismaClient };

const globalForDb = globalThis as unknown as { boltDb?: Clients };

/** `bolt.system=on` is the connection-level switch the RLS policies admit for system paths. */
export function createPrismaClient(url: string, opts: { system: boolean; max?: number }): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: opts.max ?? env.DATABASE_POOL_SIZE,
    options: opts.system ? "-c bolt.system=on" : undefined,
  });
  // Every scoped query is a short transaction holding a connection: under load a page's parallel
  // queries can queue for the pool, so wait rather than fail after Prisma's 2 s default.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 30_000 } });
}

function clients(): Clients {
  if (!globalForDb.boltDb) {
    globalForDb.boltDb = {
      system: createPrismaClient(env.DATABASE_URL, { system: true }),
      scopedBase: createPrismaClient(env.DATABASE_URL, { system: false }),
    };
  }
  return globalForDb.boltDb;
}

/** Wraps a non-system client so every operation runs with the salon set for its transaction. */
export function scopeToSalon(base: PrismaClient, salonId: string) {
  return base.$extends({
    name: "salon-scope",
    query: {
      $allModels: {
        async $allOperations({ args, query }) {
          const [, result] = await base.$transaction([
            base.$executeRaw`SELECT set_config('bolt.salon_id', ${salonId}, true)`,
            query(args),
          ]);
          return result;
        },
      },
    },
  });
}

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
 * Runs several statements in one transaction scoped to a salon (for multi-step writes).
 * Inside, `tx` sees only that salon's rows.
 */
export async function withSalonTransaction<T>(
  salonId: string,
  fn: (tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0]) => Promise<T>,
): Promise<T> {
  return clients().scopedBase.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('bolt.salon_id', ${salonId}, true)`;
    return fn(tx);
  });
}

export async function disconnectDb(): Promise<void> {
  const c = globalForDb.boltDb;
  globalForDb.boltDb = undefined;
  if (c) await Promise.all([c.system.$disconnect(), c.scopedBase.$disconnect()]);
}
