// The incoming-call webhook's one write, on a small plain `pg` pool with a prepared statement, batched
// across the calls that arrive together.
// Why not Prisma: this INSERT is the whole database cost of answering a call, and through Prisma's
// raw-query path it costs ~0.5–0.9 ms of CPU per call against ~0.15–0.25 ms here (in-process
// timing) — most of the handler's own cost, against the throughput goal in bench/webhooks.ts.
// Same trust as the system client `db` (the login role, not subject to row-level security); the
// statement names its salonId.
import { randomUUID } from "node:crypto";
import { Pool } from "pg";
import { env } from "@/lib/env";
import type { CallStatus } from "@/lib/generated/prisma/enums";
import { isLanguage, type Language } from "@/lib/i18n/language";
import { logger } from "@/lib/logger";
import { withOutcome } from "@/lib/calls/write-call-logs";

const globalForCalls = globalThis as unknown as { boltCallLogPool?: Pool };

function pool(): Pool {
  if (!globalForCalls.boltCallLogPool) {
    // A few connections suffice for one sub-millisecond statement, and keep the per-instance total low.
    const created = new Pool({
      connectionString: env.DATABASE_URL,
      max: Math.min(env.DATABASE_POOL_SIZE, 5),
    });
    // An idle connection dropping must not crash the process; the next query reconnects.
    // Only the message: the error object drags the whole pg client into the log line.
    created.on("error", (err) => logger.warn({ error: err.message }, "call-log pool connection error"));
    globalForCalls.boltCallLogPool = created;
  }
  return globalForCalls.boltCallLogPool;
}

// One statement for every call that reached this point in the same event-loop turn: under load,
// calls arrive together, and each extra statement costs a socket write that wakes PostgreSQL and
// a commit there (measured: the write alone was ~20% of the handler's CPU). A lone call waits only
// for setImmediate, i.e. no timer. ON CONFLICT makes a retried or concurrent duplicate delivery of
// the CallSid a no-op (also two deliveries in one batch); the caller's customer is linked in the same
// statement (a number merged into another record links that record), and the call starts in that
// customer's remembered language, returned so the greeting needs no second round trip. Timestamps are
// UTC wall time, Prisma's convention. The outcome is callOutcomeOf's for a call that has only its
// status so far (write-call-logs.ts).
const INSERT_CALL_LOGS = `
  INSERT INTO "call_logs" ("id", "salonId", "callSid", "direction", "from", "to", "status", "outcome", "startedAt", "customerId", "language", "createdAt", "updatedAt")
  SELECT v."id", v."salonId", v."callSid", 'INBOUND', v."from", v."to", v."status"::"CallStatus", v."outcome", (v."at" AT TIME ZONE 'UTC'),
         k."id", k."language", (v."at" AT TIME ZONE 'UTC'), (v."at" AT TIME ZONE 'UTC')
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[])
       AS v("id", "salonId", "callSid", "from", "to", "status", "at", "outcome")
  LEFT JOIN LATERAL (
    SELECT kept."id", kept."language" FROM "customers" c
    JOIN "customers" kept ON kept."id" = COALESCE(c."mergedIntoId", c."id")
    WHERE c."salonId" = v."salonId" AND c."phone" = v."from"
  ) k ON true
  ON CONFLICT ("callSid") DO NOTHING
  RETURNING "callSid", "language"`;

export type NewInboundCall = {
  salonId: string;
  callSid: string;
  from: string;
  to: string;
  status: CallStatus;
  startedAt: Date;
};

/** `created`: this delivery wrote the row; `language`: the caller's remembered language (null: unknown, or a duplicate delivery). */
export type LoggedInboundCall = { created: boolean; language: Language | null };

type Pending = { call: NewInboundCall; resolve: (logged: LoggedInboundCall) => void; reject: (err: unknown) => void };

/** Far above what one turn gathers; keeps a statement's arrays bounded. */
const MAX_BATCH = 200;
const pending: Pending[] = [];
let scheduled = false;

async function insertMany(calls: NewInboundCall[]): Promise<Map<string, Language | null>> {
  const col = <K extends keyof NewInboundCall>(key: K) => calls.map((c) => c[key]);
  const result = await pool().query<{ callSid: string; language: string | null }>({
    name: "insert-inbound-call-logs",
    text: INSERT_CALL_LOGS,
    values: [
      calls.map(() => randomUUID()),
      col("salonId"),
      col("callSid"),
      col("from"),
      col("to"),
      col("status"),
      calls.map((c) => c.startedAt.toISOString()),
      calls.map((c) => withOutcome({ status: c.status }).outcome),
    ],
  });
  return new Map(result.rows.map((r) => [r.callSid, isLanguage(r.language) ? r.language : null]));
}

async function write(batch: Pending[]): Promise<void> {
  let created: Map<string, Language | null>;
  try {
    created = await insertMany(batch.map((p) => p.call));
  } catch (err) {
    if (batch.length === 1) return batch[0]!.reject(err);
    // One bad row must not cost the others their log: retry them one by one, each with its own outcome.
    logger.warn(
      { error: err instanceof Error ? err.message : String(err), calls: batch.length },
      "call-log batch failed; writing one by one",
    );
    await Promise.all(batch.map((p) => write([p])));
    return;
  }
  // created.delete: of two deliveries of one CallSid in the same batch, only the first created the row.
  for (const p of batch) {
    const sid = p.call.callSid;
    const logged = created.has(sid) ? { created: true, language: created.get(sid) ?? null } : { created: false, language: null };
    created.delete(sid);
    p.resolve(logged);
  }
}

function flush(): void {
  scheduled = false;
  while (pending.length > 0) void write(pending.splice(0, MAX_BATCH));
}

/** Logs the call unless its CallSid is already logged; says whether this delivery created the row, and the caller's language. */
export function logInboundCall(call: NewInboundCall): Promise<LoggedInboundCall> {
  return new Promise<LoggedInboundCall>((resolve, reject) => {
    pending.push({ call, resolve, reject });
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
}

/** Logs the call unless its CallSid is already logged; true when this delivery created the row. */
export async function insertInboundCallLog(call: NewInboundCall): Promise<boolean> {
  return (await logInboundCall(call)).created;
}

export async function closeCallLogPool(): Promise<void> {
  const existing = globalForCalls.boltCallLogPool;
  globalForCalls.boltCallLogPool = undefined;
  await existing?.end();
}
