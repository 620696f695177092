// Where an outgoing text is, in words: Queued / Sent / Delivered / Failed, and why it didn't arrive.
import { STATUS_LABELS } from "@/components/notifications/labels";
import type { OutboundThreadMessage } from "@/lib/conversations/thread-message";
import { expectedSendTime } from "@/lib/messaging/expected-send-time";
import type { SalonQuietHours } from "@/lib/messaging/quiet-hours";
import { describeSendTime } from "@/lib/messaging/time-text";
import { describeTwilioError } from "@/lib/telephony/error-codes";

export type DeliveryTone = "pending" | "sent" | "delivered" | "problem";
export type DeliveryState = {
  label: string;
  tone: DeliveryTone;
  detail: string | null;
  /** Still waiting for its time: the detail says when it goes, so the bubble shows no time of its own. */
  waiting?: boolean;
};

/** "Goes out at 8:00 AM" today, "Goes out tomorrow at 8:00 AM" later; null once it is due and not held. */
function goesOutAt(m: OutboundThreadMessage, salon: SalonQuietHours, now: Date): string | null {
  const send = expectedSendTime(m, now, salon);
  if (send.at.getTime() <= now.getTime()) return null;
  const when = describeSendTime(send.at, now, salon.timeZone, "sentence");
  return `Goes out ${when}${send.afterQuietHours ? ", after quiet hours" : ""}`;
}

export function describeDelivery(m: OutboundThreadMessage, salon: SalonQuietHours, now: Date): DeliveryState {
  const label = STATUS_LABELS[m.status];
  switch (m.status) {
    case "QUEUED": {
      // Waiting for a reminder's own time or for quiet hours to end: say when it will really go.
      const detail = goesOutAt(m, salon, now);
      return { label, tone: "pending", detail, waiting: detail !== null };
    }
    case "SENDING":
      // A text Twilio never confirmed after a crash (settle-texts.ts) says so, as a problem to look into.
      return m.failureReason ? { label, tone: "problem", detail: m.failureReason } : { label, tone: "pending", detail: null };
    case "SENT":
      return { label, tone: "sent", detail: null };
    case "DELIVERED":
      return { label, tone: "delivered", detail: null };
    case "CANCELED":
      return { label: "Not sent", tone: "problem", detail: m.failureReason ?? "Stopped before sending." };
    default:
      return { label, tone: "problem", detail: m.failureReason ?? describeTwilioError(m.errorCode) };
  }
}

