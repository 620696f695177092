// Twilio's call progress callbacks: status (forward only), duration and end time on the call's log;
// on a final status, decide whether it was a missed call and text the caller back.
import { enqueueAlert } from "@/lib/alerts/dispatch";
import { callOutcomeOf } from "@/lib/calls/call-outcome";
import { db } from "@/lib/db";
import { callStatusesBefore, isFinalCallStatus } from "@/lib/calls/call-status";
import { MISSED_CALL_GRACE_SECONDS, missedCallSelect, sendMissedCallTextBack, type MissedCallOutcome } from "@/lib/calls/missed-call-text";
import type { CallStatusParams } from "@/lib/telephony/params/voice";
import { mapTwilioCallStatus } from "@/lib/telephony/statuses";
import { storeCallState, updateCallLogs, withOutcome } from "@/lib/calls/write-call-logs";
import type { WebhookInput } from "@/lib/telephony/webhook-route";

export type CallStatusUpdate = WebhookInput<CallStatusParams> & {
  now?: Date;
  missedCallGraceSeconds?: number;
};

export type CallStatusResult = { moved: boolean; missedCall?: MissedCallOutcome };

/** Twilio's Timestamp (RFC 2822) when usable: callbacks can arrive late, the event time is what counts. */
function eventTime(timestamp: string | undefined, now: Date): Date {
  const parsed = timestamp ? new Date(timestamp) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : now;
}

export async function handleCallStatus({ params, salon, log, now = new Date(), missedCallGraceSeconds }: CallStatusUpdate): Promise<CallStatusResult> {
  const status = mapTwilioCallStatus(params.CallStatus);
  if (!salon || !status) {
    log.info({ to: params.To, callStatus: params.CallStatus }, "call status ignored (unknown number or status)");
    return { moved: false };
  }
  const final = isFinalCallStatus(status);
  const at = eventTime(params.Timestamp, now);
  const ending = final ? { endedAt: at, durationSeconds: params.CallDuration ?? null } : {};

  // The voice webhook normally created the row; if it failed, the status callback still logs the call.
  const created = await db.callLog.createMany({
    data: [
      withOutcome({
        salonId: salon.id,
        callSid: params.CallSid,
        from: params.From,
        to: params.To,
        status,
        startedAt: final && params.CallDuration ? new Date(at.getTime() - params.CallDuration * 1000) : at,
        ...ending,
      }),
    ],
    skipDuplicates: true,
  });
  // A call first logged here gets its summary and follow-up as updateCallLogs gives every other one.
  if (created.count > 0) await storeCallState(db, { salonId: salon.id, callSid: params.CallSid });
  const moved =
    created.count > 0 ||
    (
      await updateCallLogs(db, {
        where: { salonId: salon.id, callSid: params.CallSid, status: { in: callStatusesBefore(status) } },
        data: { status, ...ending },
        select: { id: true },
      })
    ).length > 0;
  if (!final) return { moved };

  // Decided on every final report, not only the first: a retry after a failed send must still text.
  const call = await db.callLog.findFirst({ where: { salonId: salon.id, callSid: params.CallSid }, select: missedCallSelect });
  // The team's alert waits as long as a late voicemail might take; the job checks it is still missed.
  if (call && callOutcomeOf(call) === "MISSED")
    await enqueueAlert({ salonId: salon.id, event: "MISSED_CALL", ref: call.callSid }, { startAfter: new Date(now.getTime() + (missedCallGraceSeconds ?? MISSED_CALL_GRACE_SECONDS) * 1000) });
  if (!call || call.missedCallTextAt) return { moved };
  const missedCall = await sendMissedCallTextBack(call, salon.name, { now, graceSeconds: missedCallGraceSeconds });
  log.info({ status, moved, missedCall }, "call ended");
  return { moved, missedCall };
}
