// When a text that is still waiting will really go out, for the pages that say so ("2 h scheduled for
// 8:00 AM (after quiet hours)", "Goes out at 8:00 AM"): its planned moment, or now once that has
// passed, moved to the end of quiet hours for the kinds delivery holds — the same rule
// (waitsForQuietHours) and the same function (nextSendableTime) delivery applies.
// Worked out when shown rather than stored when queued: the owner may change the quiet hours after a
// reminder is queued, and delivery checks them again at the moment of sending anyway, so a stored
// time could only go stale.
import type { NotificationKind } from "@/lib/generated/prisma/client";
import { nextSendableTime, waitsForQuietHours, type SalonQuietHours } from "@/lib/messaging/quiet-hours";
import { realTimeOf, salonClockTime } from "@/lib/time/clock";

export type ExpectedSend = {
  at: Date;
  /** Quiet hours hold it past its planned moment (or past now, when it is already due). */
  afterQuietHours: boolean;
};

export function expectedSendTime(
  text: { kind: NotificationKind; scheduledFor: Date | null },
  now: Date,
  salon: SalonQuietHours,
): ExpectedSend {
  const planned = text.scheduledFor && text.scheduledFor.getTime() > now.getTime() ? text.scheduledFor : null;
  const due = planned ?? now;
  if (!waitsForQuietHours(text.kind)) return { at: due, afterQuietHours: false };
  // The sandbox clock (BOLT_SANDBOX_NOW) pins the present: a text due now is judged by it, one planned for
  // later by that moment's own wall time (a reminder for Tuesday 10 AM is not in Tuesday's quiet hours
  // because the pinned "now" runs some hours ahead). Without it both are the real clock.
  const at = planned ? nextSendableTime(planned, salon) : realTimeOf(nextSendableTime(salonClockTime(now), salon));
  return { at, afterQuietHours: at.getTime() > due.getTime() };
}
