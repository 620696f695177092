// The one way a call log's derived state — outcome, summary, what Bolt served, the follow-up the rule
// opens — is written. A new row carries callOutcomeOf's answer (the column has no default, so an insert
// that forgets it fails); after any change to a field the derivation reads (updateCallLogs) or a new
// event (recordCallEvents), storeCallState re-derives it from the row and all its events and stores
// it. The test in call-outcome.test.ts fails when code elsewhere updates call_logs without being listed
// as harmless.
import { isDeepStrictEqual } from "node:util";
import { callOutcomeOf, type CallOutcome } from "@/lib/calls/call-outcome";
import { deriveCallState, nextFollowUpState } from "@/lib/calls/call-summary";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { CallReason, CallStatus } from "@/lib/generated/prisma/enums";

/** What a new call row says about the fields callOutcomeOf reads (absent: the column's default). */
type NewCallFields = {
  status?: CallStatus;
  reason?: CallReason | null;
  answeredAt?: Date | string | null;
  recordingSid?: string | null;
  transcription?: string | null;
  servedByBolt?: string | null;
};

/** A new call row with its outcome filled in; `status` defaults to RINGING as the column does. */
export function withOutcome<T extends NewCallFields>(row: T): T & { outcome: CallOutcome } {
  const outcome = callOutcomeOf({
    status: row.status ?? "RINGING",
    reason: row.reason ?? null,
    answeredAt: row.answeredAt ?? null,
    recordingSid: row.recordingSid ?? null,
    transcription: row.transcription ?? null,
    servedByBolt: row.servedByBolt ?? null,
  });
  return { ...row, outcome };
}

const STATE_INPUTS = {
  id: true,
  salonId: true,
  status: true,
  reason: true,
  answeredAt: true,
  recordingSid: true,
  transcription: true,
  outcome: true,
  servedByBolt: true,
  summary: true,
  followUp: true,
  followUpChangedAt: true,
  derivedVersion: true,
  events: { select: { at: true, kind: true, detail: true } },
} satisfies Prisma.CallLogSelect;

/** The system client, a salon's client or a transaction: anything with call logs to read and update. */
type CallLogClient = { callLog: Pick<PrismaClient["callLog"], "updateManyAndReturn" | "updateMany" | "findFirst"> };

// Three rounds is plenty: each lost round means another writer stored a newer state meanwhile.
const MAX_ROUNDS = 3;

/**
 * Re-derives the call's outcome, summary, servedByBolt and follow-up from the row and all its events,
 * and stores them if they changed. Compare-and-swap on derivedVersion: every writer calls this after
 * its own change is committed, so its read sees that change; if another writer stored in between, it
 * reads again. Whoever stores last therefore stored a state derived from everything before it, in
 * whatever order the webhooks ran. Staff's follow-up choice is kept (nextFollowUpState).
 */
export async function storeCallState(client: CallLogClient, where: { salonId: string } & ({ id: string } | { callSid: string })): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const row = await client.callLog.findFirst({ where, select: STATE_INPUTS });
    if (!row) return;
    const { summary, servedByBolt, outcome } = deriveCallState(row, row.events);
    const followUp = nextFollowUpState(row, summary.followUp);
    const same =
      outcome === row.outcome &&
      servedByBolt === row.servedByBolt &&
      followUp === row.followUp &&
      // jsonb keeps its own key order: compare values, not text.
      isDeepStrictEqual(summary, row.summary);
    if (same) return;
    const { count } = await client.callLog.updateMany({
      where: { id: row.id, salonId: row.salonId, derivedVersion: row.derivedVersion },
      data: { outcome, servedByBolt, summary, followUp, derivedVersion: { increment: 1 } },
    });
    if (count > 0) return;
  }
}

/** updateManyAndReturn for call logs, then each updated row's derived state stored (storeCallState). */
export async function updateCallLogs<S extends Prisma.CallLogSelect>(
  client: CallLogClient,
  args: {
    where: Prisma.CallLogWhereInput;
    data: Omit<Prisma.CallLogUpdateManyMutationInput, "outcome" | "servedByBolt" | "summary" | "followUp" | "derivedVersion">;
    select: S;
  },
): Promise<Prisma.CallLogGetPayload<{ select: S }>[]> {
  const rows = await client.callLog.updateManyAndReturn({
    where: args.where,
    data: args.data,
    select: { ...args.select, id: true, salonId: true },
  });
  const keys = rows as unknown as Array<{ id: string; salonId: string }>;
  await Promise.all(keys.map(({ id, salonId }) => storeCallState(client, { id, salonId })));
  return rows as unknown as Prisma.CallLogGetPayload<{ select: S }>[];
}
