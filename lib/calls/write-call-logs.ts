// The one way a call log's outcome is written. A new row carries callOutcomeOf's answer (the column has
// no default, so an insert that forgets it fails); an update that may touch a field callOutcomeOf reads
// goes through updateCallLogs, which stores the answer for the row as it now stands. The test in
// call-outcome.test.ts fails when code elsewhere updates call_logs without being listed as harmless.
import { callOutcomeOf, type CallOutcome } from "@/lib/calls/call-outcome";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { CallReason, CallStatus } from "@/lib/generated/prisma/enums";

/** What a new call row says about the fields callOutcomeOf reads (absent: the column's default). */
type NewCallFields = {
  status?: CallStatus;
  reason?: CallReason | null;
  answeredAt?: Date | string | null;
  recordingSid?: string | null;
  transcription?: string | null;
};

/** A new call row with its outcome filled in; `status` defaults to RINGING as the column does. */
export function withOutcome<T extends NewCallFields>(row: T): T & { outcome: CallOutcome } {
  const outcome = callOutcomeOf({
    status: row.status ?? "RINGING",
    reason: row.reason ?? null,
    answeredAt: row.answeredAt ?? null,
    recordingSid: row.recordingSid ?? null,
    transcription: row.transcription ?? null,
  });
  return { ...row, outcome };
}

const OUTCOME_INPUTS = {
  id: true,
  salonId: true,
  status: true,
  reason: true,
  answeredAt: true,
  recordingSid: true,
  transcription: true,
  outcome: true,
} satisfies Prisma.CallLogSelect;

type OutcomeRow = Prisma.CallLogGetPayload<{ select: typeof OUTCOME_INPUTS }>;

/** The system client, a salon's client or a transaction: anything with call logs to update. */
type CallLogClient = { callLog: Pick<PrismaClient["callLog"], "updateManyAndReturn" | "updateMany"> };

/**
 * Stores callOutcomeOf's answer for a row just written, if it changed. Only while the fields it was
 * computed from still hold: a writer that changed one since read the newer row and stores its answer,
 * which this must not overwrite. Most writes leave the outcome as it was and cost no statement here.
 */
async function storeOutcome(client: CallLogClient, row: OutcomeRow): Promise<void> {
  const outcome = callOutcomeOf(row);
  if (outcome === row.outcome) return;
  const { id, salonId, status, reason, answeredAt, recordingSid, transcription } = row;
  await client.callLog.updateMany({
    where: { id, salonId, status, reason, answeredAt, recordingSid, transcription },
    data: { outcome },
  });
}

/** updateManyAndReturn for call logs, keeping each updated row's stored outcome callOutcomeOf's. */
export async function updateCallLogs<S extends Prisma.CallLogSelect>(
  client: CallLogClient,
  args: { where: Prisma.CallLogWhereInput; data: Omit<Prisma.CallLogUpdateManyMutationInput, "outcome">; select: S },
): Promise<Prisma.CallLogGetPayload<{ select: S }>[]> {
  const rows = await client.callLog.updateManyAndReturn({
    where: args.where,
    data: args.data,
    select: { ...args.select, ...OUTCOME_INPUTS },
  });
  await Promise.all(rows.map((row) => storeOutcome(client, row as unknown as OutcomeRow)));
  return rows as unknown as Prisma.CallLogGetPayload<{ select: S }>[];
}
