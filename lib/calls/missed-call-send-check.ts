// The missed-call text-back's last-moment check. Quiet hours hold it overnight (it is unprompted), and
// by the morning the caller may have got through: a later call that staff or Bolt answered, a
// voicemail, or a text to the salon. "Sorry we missed your call" would then be wrong, so it is dropped
// with the reason. Delivery runs it for MISSED_CALL texts (lib/messaging/delivery/pre-send-checks.ts).
import { db } from "@/lib/db";
import { callOutcomeOf, callOutcomeWhere, type CallOutcome } from "@/lib/calls/call-outcome";
import type { PreSendDecision, PreSendInput } from "@/lib/messaging/delivery/delivery-types";

const GOT_THROUGH: Partial<Record<CallOutcome, string>> = {
  ANSWERED_BY_STAFF: "staff answered a later call from them",
  ANSWERED_BY_BOLT: "Bolt answered a later call from them",
  BOOKED_BY_BOLT: "Bolt booked them on a later call",
  VOICEMAIL: "they left a voicemail on a later call",
};

export function inTouchSinceReason(how: string): string {
  return `They've been in touch since: ${how}.`;
}

/** Cancels the text-back if the caller reached the salon after it was queued (right after the missed call). */
export async function checkMissedCallTextBeforeSend(text: PreSendInput): Promise<PreSendDecision> {
  const since = text.createdAt;
  const [call, texted] = await Promise.all([
    db.callLog.findFirst({
      where: {
        salonId: text.salonId,
        from: text.destination,
        startedAt: { gt: since },
        OR: [
          callOutcomeWhere("ANSWERED_BY_STAFF"),
          callOutcomeWhere("ANSWERED_BY_BOLT"),
          callOutcomeWhere("BOOKED_BY_BOLT"),
          callOutcomeWhere("VOICEMAIL"),
        ],
      },
      orderBy: { startedAt: "asc" },
      select: { status: true, reason: true, answeredAt: true, recordingSid: true, transcription: true, servedByBolt: true },
    }),
    db.inboundMessage.findFirst({
      where: { salonId: text.salonId, from: text.destination, receivedAt: { gt: since } },
      select: { id: true },
    }),
  ]);
  const how = call ? GOT_THROUGH[callOutcomeOf(call)] : texted ? "they texted the salon" : undefined;
  return how ? { cancel: inTouchSinceReason(how) } : {};
}
