// One call with everything its page shows: the log row, the caller, the texts it caused, its summary
// and follow-up state, and a timeline of what happened, oldest first (lib/calls/call-timeline.ts).
import { notFound } from "@/lib/api/errors";
import { deriveCallState } from "@/lib/calls/call-summary";
import { buildCallTimeline } from "@/lib/calls/call-timeline";
import { bookingInfoKey, missedCallKey } from "@/lib/calls/notification-keys";
import { salonDb } from "@/lib/db";

export async function getCallLog(salonId: string, id: string) {
  const scoped = salonDb(salonId);
  const call = await scoped.callLog.findFirst({
    where: { id, salonId },
    include: {
      customer: { select: { id: true, name: true, phone: true, smsConsent: true } },
      followUpChangedBy: { select: { id: true, name: true } },
      assignee: { select: { id: true, name: true } },
    },
  });
  if (!call) throw notFound("Call");
  const [texts, events] = await Promise.all([
    scoped.notification.findMany({
      where: { salonId, idempotencyKey: { in: [missedCallKey(call), bookingInfoKey(call.callSid)] } },
      select: { id: true, kind: true, status: true, createdAt: true, failureReason: true },
      orderBy: { createdAt: "asc" },
    }),
    scoped.callEvent.findMany({
      where: { salonId, callLogId: call.id },
      select: { at: true, kind: true, detail: true },
      orderBy: { at: "asc" },
    }),
  ]);
  // Twilio's media URL stays server-side (it names the account and may need its password): the
  // recording is offered through Bolt's own relay, which checks the salon like every other route.
  // derivedVersion is bookkeeping; the summary is derived afresh from the events just read, so calls
  // logged before summaries were stored show one too (it equals the stored one for the others).
  const { recordingUrl: _twilioMediaUrl, derivedVersion: _version, followUpChangedById: _by, assigneeId: _assignee, ...rest } = call;
  const recording = call.recordingSid
    ? { url: `/api/telephony/call-logs/${encodeURIComponent(call.id)}/recording`, durationSeconds: call.recordingDurationSeconds }
    : null;
  const { summary } = deriveCallState(call, events);
  return { ...rest, summary, recording, texts, timeline: buildCallTimeline(call, events, texts) };
}

export type CallLogDetail = Awaited<ReturnType<typeof getCallLog>>;
