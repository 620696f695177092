// The incoming-call webhook's one write, on a small plain `pg` pool with a prepared statement.
// Why not Prisma: this INSERT is the whole database cost of answering a call, and through Prisma's
// raw-query path it costs ~0.5–0.9 ms of CPU per call against ~0.15–0.25 ms here (in-process
// timing) — most of the handler's own cost, against the throughput goal in bench/webhooks.ts.
// Same trust as the system client `db` (bolt.system=on); the statement names its salonId.
import { randomUUID } from "node:crypto";
import { Pool } from "pg";
import { env } from "@/lib/env";
import type { CallStatus } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";

const globalForCalls = globalThis as unknown as { boltCallLogPool?: Pool };

function pool(): Pool {
  if (!globalForCalls.boltCallLogPool) {
    // A few connections suffice for one sub-millisecond statement, and keep the per-instance total low.
    const created = new Pool({ connectionString: env.DATABASE_URL, max: Math.min(env.DATABASE_POOL_SIZE, 5), options: "-c bolt.system=on" });
    // An idle connection dropping must not crash the process; the next query reconnects.
    // Only the message: the error object drags the whole pg client into the log line.
    created.on("error", (err) => logger.warn({ error: err.message }, "call-log pool connection error"));
    globalForCalls.boltCallLogPool = created;
  }
  return globalForCalls.boltCallLogPool;
}

// ON CONFLICT makes a retried or concurrent duplicate delivery of the CallSid a no-op; the caller's
// customer is linked in the same statement. Timestamps are UTC wall time, Prisma's convention.
const INSERT_CALL_LOG = `
  INSERT INTO "call_logs" ("id", "salonId", "callSid", "direction", "from", "to", "status", "startedAt", "customerId", "createdAt", "updatedAt")
  SELECT $1, $2, $3, 'INBOUND', $4, $5, $6::"CallStatus", ($7::timestamptz AT TIME ZONE 'UTC'),
         (SELECT "id" FROM "customers" WHERE "salonId" = $2 AND "phone" = $4),
         ($7::timestamptz AT TIME ZONE 'UTC'), ($7::timestamptz AT TIME ZONE 'UTC')
  ON CONFLICT ("callSid") DO NOTHING`;

export type NewInboundCall = { salonId: string; callSid: string; from: string; to: string; status: CallStatus; startedAt: Date };

/** Logs the call unless its CallSid is already logged; true when this delivery created the row. */
export async function insertInboundCallLog(call: NewInboundCall): Promise<boolean> {
  const result = await pool().query({
    name: "insert-inbound-call-log",
    text: INSERT_CALL_LOG,
    values: [randomUUID(), call.salonId, call.callSid, call.from, call.to, call.status, call.startedAt.toISOString()],
  });
  return (result.rowCount ?? 0) > 0;
}

export async function closeCallLogPool(): Promise<void> {
  const existing = globalForCalls.boltCallLogPool;
  globalForCalls.boltCallLogPool = undefined;
  await existing?.end();
}
