// One call with everything its page shows: the log row, the caller, the texts it caused and a
// timeline of what happened, oldest first.
import { notFound } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import type { NotificationKind, NotificationStatus } from "@/lib/generated/prisma/enums";
import { bookingInfoKey, missedCallKey } from "@/lib/calls/notification-keys";

export type CallTimelineEntry = { at: Date; kind: "started" | "answered" | "voicemail" | "ended" | "text"; label: string };

type CallText = { id: string; kind: NotificationKind; status: NotificationStatus; createdAt: Date; failureReason: string | null };

const STATUS_WORDS: Record<string, string> = {
  COMPLETED: "Call ended",
  BUSY: "Line was busy",
  NO_ANSWER: "No answer",
  FAILED: "Call failed",
  CANCELED: "Caller hung up before we answered",
};

export async function getCallLog(salonId: string, id: string) {
  const scoped = salonDb(salonId);
  const call = await scoped.callLog.findFirst({
    where: { id, salonId },
    include: { customer: { select: { id: true, name: true, phone: true, smsConsent: true } } },
  });
  if (!call) throw notFound("Call");
  const texts: CallText[] = await scoped.notification.findMany({
    where: { salonId, idempotencyKey: { in: [missedCallKey(call), bookingInfoKey(call.callSid)] } },
    select: { id: true, kind: true, status: true, createdAt: true, failureReason: true },
    orderBy: { createdAt: "asc" },
  });
  return { ...call, texts, timeline: buildCallTimeline(call, texts) };
}

export type CallLogDetail = Awaited<ReturnType<typeof getCallLog>>;

export function buildCallTimeline(
  call: {
    from: string;
    startedAt: Date;
    answeredAt: Date | null;
    forwardedTo: string | null;
    endedAt: Date | null;
    status: string;
    recordingSid: string | null;
    recordingDurationSeconds: number | null;
  },
  texts: CallText[],
): CallTimelineEntry[] {
  const entries: CallTimelineEntry[] = [{ at: call.startedAt, kind: "started", label: `Call from ${call.from}` }];
  if (call.answeredAt) {
    entries.push({ at: call.answeredAt, kind: "answered", label: `Answered by staff${call.forwardedTo ? ` at ${call.forwardedTo}` : ""}` });
  }
  if (call.recordingSid) {
    const length = call.recordingDurationSeconds ? ` (${call.recordingDurationSeconds}s)` : "";
    entries.push({ at: call.endedAt ?? call.startedAt, kind: "voicemail", label: `Voicemail left${length}` });
  }
  if (call.endedAt) entries.push({ at: call.endedAt, kind: "ended", label: STATUS_WORDS[call.status] ?? "Call ended" });
  for (const text of texts) {
    const what = text.kind === "MISSED_CALL" ? "Missed-call text" : "Booking instructions text";
    const state = text.status === "CANCELED" || text.status === "FAILED" ? `${text.status.toLowerCase()}${text.failureReason ? `: ${text.failureReason}` : ""}` : text.status.toLowerCase();
    entries.push({ at: text.createdAt, kind: "text", label: `${what} ${state}` });
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
