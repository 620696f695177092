// What can alert a team member, on which channels, and what a member gets before they choose (client-safe).
import type { Role } from "@/lib/generated/prisma/enums";

export const ALERT_EVENTS = ["NEW_TEXT", "VOICEMAIL", "MISSED_CALL", "RESCHEDULE_REQUEST"] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];

export const ALERT_CHANNELS = ["sms", "email", "push"] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

export const EVENT_LABELS: Record<AlertEvent, string> = {
  NEW_TEXT: "New texts that need staff",
  VOICEMAIL: "Voicemails",
  MISSED_CALL: "Missed calls",
  RESCHEDULE_REQUEST: "Reschedule requests",
};

export const CHANNEL_LABELS: Record<AlertChannel, string> = { sms: "Text me", email: "Email me", push: "Browser" };

export type AlertChoices = {
  /** E.164; texts need it. */
  phone: string | null;
  events: Record<AlertChannel, AlertEvent[]>;
  /** "HH:mm" in the salon's zone; null: none. */
  quietHours: { start: string; end: string } | null;
};

/** Before a member saves anything: owners get voicemails and missed calls by email; nobody is texted or pushed. */
function defaultAlertChoices(role: Role): AlertChoices {
  return {
    phone: null,
    events: { sms: [], email: role === "OWNER" ? ["VOICEMAIL", "MISSED_CALL"] : [], push: [] },
    quietHours: null,
  };
}

/** The choices a stored preferences row holds (null: the role's defaults). */
export function alertChoicesOf(
  row: { phone: string | null; smsEvents: string[]; emailEvents: string[]; pushEvents: string[]; quietHoursStart: string | null; quietHoursEnd: string | null } | null,
  role: Role,
): AlertChoices {
  if (!row) return defaultAlertChoices(role);
  const known = (events: string[]) => ALERT_EVENTS.filter((e) => events.includes(e));
  return {
    phone: row.phone,
    events: { sms: known(row.smsEvents), email: known(row.emailEvents), push: known(row.pushEvents) },
    quietHours: row.quietHoursStart && row.quietHoursEnd ? { start: row.quietHoursStart, end: row.quietHoursEnd } : null,
  };
}
