// The pool behind salonDb. Its connections run as the salon role (lib/db/roles.ts), and every
// statement on them runs inside a transaction that first sets `bolt.salon_id` for that transaction
// only: to the salon of the caller (salonDb passes it down with AsyncLocalStorage), or to '' — no
// salon, so no rows — when there is none. Nothing is left on a connection between checkouts, so no
// rolled-back transaction, failed statement or broken connection can leave one salon's setting for
// the next caller. What makes it cheap is pg's pipeline mode: BEGIN, the setting, the statement and
// COMMIT go out together, one round trip where a transaction per query took four.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Socket } from "node:net";
import pg from "pg";

// One instance per process, like the clients in lib/db.ts: Next bundles this module into several server
// chunks, each with its own module state, while the pool is made once and kept on globalThis. A store per
// chunk would leave the pool reading a store the caller never wrote to, so every statement ran with no salon.
const globalForSalon = globalThis as unknown as { boltCallerSalon?: AsyncLocalStorage<string> };
const callerSalon = (globalForSalon.boltCallerSalon ??= new AsyncLocalStorage<string>());

/** Runs `fn` with `salonId` as the salon of every statement it sends through a salon pool. */
export function runAsSalon<T>(salonId: string, fn: () => Promise<T>): Promise<T> {
  return callerSalon.run(salonId, fn);
}

// SET LOCAL rather than set_config(): a utility statement takes no snapshot, so a SET TRANSACTION
// ISOLATION LEVEL may still follow it. Its value can't be a parameter, hence the escaped literal.
const setSalon = (salonId: string) => `SET LOCAL bolt.salon_id = ${pg.escapeLiteral(salonId)}`;
const isBegin = (config: unknown) =>
  /^\s*(BEGIN|START\s+TRANSACTION)\b/i.test(typeof config === "string" ? config : String((config as { text?: unknown })?.text));

type Query = (...args: unknown[]) => unknown;

/** A connection that sends the salon setting right behind every BEGIN. */
class SalonClient extends pg.Client {
  /** The salon of whoever has this connection checked out; '' for nobody. */
  salonId = "";

  constructor(config: pg.ClientConfig) {
    super(config);
    const plain = this.query.bind(this) as Query;
    this.query = ((...args: unknown[]) => {
      if (!isBegin(args[0])) return plain(...args);
      if (args.some((a) => typeof a === "function")) throw new Error("a salon connection takes BEGIN as a promise");
      // One simple-protocol message for both: should the setting fail, the transaction is aborted
      // and nothing in it runs.
      const text = typeof args[0] === "string" ? args[0] : (args[0] as { text: string }).text;
      const results = plain(`${text}; ${setSalon(this.salonId)}`) as Promise<pg.QueryResult[]>;
      return results.then(([begun]) => begun);
    }) as unknown as pg.Client["query"];
  }
}

type Checkout = pg.PoolClient & SalonClient;

/**
 * A pg Pool for salon connections (`options` should switch them to the salon role). Prisma's adapter
 * uses two of its methods: query() for a statement on its own, connect() for a transaction.
 */
export function createSalonPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({
    ...config,
    Client: SalonClient as unknown as pg.PoolConfig["Client"],
    pipeline: true,
  } as pg.PoolConfig);
  const plainConnect = pool.connect.bind(pool) as () => Promise<Checkout>;

  /** A connection outside any transaction, marked with the caller's salon. */
  async function checkout(salonId: string): Promise<Checkout> {
    for (;;) {
      const client = await plainConnect();
      const status = client.getTransactionStatus();
      if (status !== "T" && status !== "E") {
        client.salonId = salonId;
        return client;
      }
      // Never happens with Prisma's adapter; if it did, BEGIN would not start a new transaction.
      client.release(new Error("a salon connection came back to the pool inside a transaction"));
    }
  }

  // For transactions: the caller's salon rides on the connection, and its BEGIN sets it.
  pool.connect = ((callback?: (err: Error | undefined, client?: pg.PoolClient, done?: () => void) => void) => {
    const promise = checkout(callerSalon.getStore() ?? "");
    if (!callback) return promise;
    promise.then((client) => callback(undefined, client, () => client.release()), callback);
  }) as pg.Pool["connect"];

  // A statement on its own: BEGIN (with the setting), the statement and COMMIT, pipelined.
  pool.query = (async (config: pg.QueryConfig | string, values?: unknown[]) => {
    const client = await checkout(callerSalon.getStore() ?? "");
    // In this order on the wire: pg sends a connection's queries in the order they are made. pg writes
    // each protocol message on its own (seven here); corked, they leave in one write.
    const socket = (client as unknown as { connection: { stream: Partial<Pick<Socket, "cork" | "uncork">> } }).connection.stream;
    socket.cork?.();
    let sent: Array<Promise<unknown>>;
    try {
      sent = [client.query("BEGIN"), client.query(config as pg.QueryConfig, values), client.query("COMMIT")];
    } finally {
      socket.uncork?.();
    }
    const results = await Promise.allSettled(sent);
    const failed = results.find((r) => r.status === "rejected");
    // After a failed statement the COMMIT rolled back; a connection that says so is clean for reuse.
    const clean = !failed || (failed.reason instanceof pg.DatabaseError && client.getTransactionStatus() === "I");
    client.release(clean ? undefined : (failed.reason as Error));
    if (failed) throw failed.reason;
    return (results[1] as PromiseFulfilledResult<pg.QueryResult>).value;
  }) as unknown as pg.Pool["query"];

  return pool;
}
