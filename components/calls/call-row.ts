// Turns a call from the query into what a table row shows, on the server: times in the salon's zone,
// the caller's name or formatted number, the outcome, the summary line and the follow-up state. The
// client table only lays it out.
import { format } from "date-fns";
import { CALL_STATUS_LABELS } from "@/components/calls/labels";
import { didWords, wantedWords } from "@/components/calls/summary-words";
import { callOutcomeOf, type CallOutcome } from "@/lib/calls/call-outcome";
import { deriveCallState, type CallSummary } from "@/lib/calls/call-summary";
import type { CallLogListItem } from "@/lib/calls/queries";
import { formatDateTime, formatDuration } from "@/lib/format";
import type { CallReason, CallStatus } from "@/lib/generated/prisma/enums";
import { formatCallerNumber } from "@/lib/phone";
import { inZone } from "@/lib/time/zoned";

export type CallRow = {
  id: string;
  startedAtIso: string;
  whenLabel: string;
  whenTitle: string;
  callerName: string;
  /** The formatted number under a known caller's name; null when the name already is the number. */
  callerDetail: string | null;
  /** Not a customer of the salon yet. */
  isNewCaller: boolean;
  reason: CallReason | null;
  status: CallStatus;
  statusLabel: string;
  outcome: CallOutcome;
  /** The summary line: what the caller wanted → what Bolt did. */
  wanted: string;
  did: string;
  followUp: "OPEN" | "HANDLED" | null;
  durationSeconds: number | null;
  durationLabel: string;
  voicemailLabel: string | null;
  textedBack: boolean;
  hasNotes: boolean;
};

/** "Ava Martinez", "(650) 555-3001", or "Withheld number" when the caller hid it ("anonymous"). */
export function callerNameOf(call: { from: string; customer: { name: string | null } | null }): string {
  return call.customer?.name ?? formatCallerNumber(call.from);
}

export function toCallRow(call: CallLogListItem, timeZone: string): CallRow {
  const callerName = callerNameOf(call);
  const phone = formatCallerNumber(call.from);
  const outcome = callOutcomeOf(call);
  // Calls logged before summaries were stored: what their row tells (their page reads their events).
  const summary = (call.summary as CallSummary | null) ?? deriveCallState(call, []).summary;
  return {
    id: call.id,
    startedAtIso: call.startedAt.toISOString(),
    whenLabel: format(inZone(call.startedAt, timeZone), "MMM d, h:mm a"),
    whenTitle: formatDateTime(call.startedAt, timeZone, "long"),
    callerName,
    callerDetail: phone && phone !== callerName ? phone : null,
    isNewCaller: call.customer === null,
    reason: call.reason,
    status: call.status,
    statusLabel: CALL_STATUS_LABELS[call.status],
    outcome,
    wanted: wantedWords(summary),
    did: didWords(summary, outcome, timeZone),
    followUp: call.followUp === "OPEN" || call.followUp === "HANDLED" ? call.followUp : null,
    durationSeconds: call.durationSeconds,
    durationLabel: formatDuration(call.durationSeconds),
    voicemailLabel: call.recordingSid
      ? `Voicemail${call.recordingDurationSeconds ? `, ${formatDuration(call.recordingDurationSeconds)}` : ""}`
      : null,
    textedBack: call.missedCallTextAt !== null,
    hasNotes: Boolean(call.notes),
  };
}
