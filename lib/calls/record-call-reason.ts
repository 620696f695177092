// A call's reason is the most significant thing the caller asked for, not the last: someone who was
// texted how to book and then asked the hours is a booking call. Equal ranks: the later one wins.
import { db } from "@/lib/db";
import { updateCallLogs } from "@/lib/calls/write-call-logs";
import type { CallReason } from "@/lib/generated/prisma/enums";

// Wanting a person, a message or an appointment is what the salon acts on; questions come next;
// UNKNOWN only says the caller spoke and was never understood.
const RANK: Record<CallReason, number> = {
  TRANSFER: 3,
  VOICEMAIL: 3,
  BOOKING: 3,
  RESCHEDULE: 3,
  CANCEL: 3,
  CONFIRM: 3,
  WAITLIST: 3,
  HOURS: 2,
  ADDRESS: 2,
  PRICES: 2,
  UNKNOWN: 1,
};

/** The reasons `reason` may replace: itself and anything that ranks no higher. */
function reasonsOutrankedBy(reason: CallReason): CallReason[] {
  return (Object.keys(RANK) as CallReason[]).filter((r) => RANK[r] <= RANK[reason]);
}

/** Notes `reason` on the salon's call unless it already has a more significant one (one atomic UPDATE). */
export async function recordCallReason(salonId: string, callSid: string, reason: CallReason): Promise<void> {
  await updateCallLogs(db, {
    where: { salonId, callSid, OR: [{ reason: null }, { reason: { in: reasonsOutrankedBy(reason) } }] },
    data: { reason },
    select: { id: true },
  });
}
