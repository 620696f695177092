// Where an outgoing text is, in words: Queued / Sent / Delivered / Failed, and why it didn't arrive.
import { STATUS_LABELS } from "@/components/notifications/labels";
import type { OutboundThreadMessage } from "@/lib/conversations/thread-message";
import { formatTime } from "@/lib/format";
import { describeTwilioError } from "@/lib/telephony/error-codes";

export type DeliveryTone = "pending" | "sent" | "delivered" | "problem";
export type DeliveryState = { label: string; tone: DeliveryTone; detail: string | null };

export function describeDelivery(m: OutboundThreadMessage, timeZone: string, now: Date): DeliveryState {
  const label = STATUS_LABELS[m.status];
  switch (m.status) {
    case "QUEUED":
    case "SENDING": {
      // Held for quiet hours (or a reminder's own time): say when it will go.
      const waiting = m.scheduledFor && m.scheduledFor.getTime() > now.getTime();
      return {
        label,
        tone: "pending",
        detail: waiting ? `Goes out at ${formatTime(m.scheduledFor, timeZone)}` : null,
      };
    }
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

/** Still moving: the thread keeps refreshing anyway, but the page says so while one is. */
export function isPending(m: OutboundThreadMessage): boolean {
  return m.status === "QUEUED" || m.status === "SENDING" || m.status === "SENT";
}
