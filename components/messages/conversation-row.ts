// Turns the inbox query's conversations into what the list shows, on the server: names or formatted
// numbers, a one-line preview, a short time in the salon's zone. The list only lays it out. The time is
// the conversation's lastMessageAt — what the inbox is sorted by — and the preview the text behind it
// (list-conversations.ts), so the rows' times always read in their order, across pages too.
import { format } from "date-fns";
import type { ConversationSummary } from "@/lib/conversations/list-conversations";
import { formatDateTime } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import { calendarDaysBetween, getZonedParts, inZone } from "@/lib/time/zoned";

export type ConversationRow = {
  customerId: string;
  name: string;
  /** The formatted number under a known customer's name; null when the name already is the number. */
  phoneLabel: string | null;
  isNew: boolean;
  optedOut: boolean;
  /** "You: " before a text staff wrote, "" before the customer's. */
  previewPrefix: string;
  preview: string;
  timeIso: string;
  timeLabel: string;
  timeTitle: string;
  unreadCount: number;
  /** Waiting for staff (the conversation's follow-up is open). */
  needsFollowUp: boolean;
};

/** The customer's name, or their number the way people write it. */
export function customerLabel(customer: { name: string | null; phone: string }): string {
  return customer.name?.trim() || formatPhone(customer.phone);
}

/** Outgoing texts start with "Salon Name: "; the preview has no room for it. */
function withoutSalonPrefix(body: string, salonName: string): string {
  const prefix = `${salonName}: `;
  return body.startsWith(prefix) ? body.slice(prefix.length) : body;
}

/** "3:05 PM" today, "Yesterday", "Tue" this week, then "Nov 20" — the salon's calendar, not the server's. */
function shortTime(at: Date, timeZone: string, now: Date): string {
  const days = calendarDaysBetween(getZonedParts(at, timeZone), getZonedParts(now, timeZone));
  const local = inZone(at, timeZone);
  if (days <= 0) return format(local, "h:mm a");
  if (days === 1) return "Yesterday";
  if (days < 7) return format(local, "EEE");
  return format(local, "MMM d");
}

export function toConversationRow(
  c: ConversationSummary,
  salonName: string,
  timeZone: string,
  now: Date,
): ConversationRow {
  const name = customerLabel(c.customer);
  const phone = formatPhone(c.customer.phone);
  const last = c.lastMessage;
  const at = c.lastMessageAt;
  const preview = last ? withoutSalonPrefix(last.body, salonName) || "(picture)" : "";
  return {
    customerId: c.customer.id,
    name,
    phoneLabel: phone !== name ? phone : null,
    isNew: c.customer.isNew,
    optedOut: c.customer.smsConsent === "OPTED_OUT",
    previewPrefix: last?.direction === "OUTBOUND" ? "You: " : "",
    preview,
    timeIso: at.toISOString(),
    timeLabel: shortTime(at, timeZone, now),
    timeTitle: formatDateTime(at, timeZone, "long"),
    unreadCount: c.unreadCount,
    needsFollowUp: c.followUp === "OPEN",
  };
}
