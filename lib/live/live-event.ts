// What the database announces on the "bolt_live" channel (the triggers of migration
// 20261213000000_live_events) and what GET /api/live passes on to a salon's browsers. Client-safe.

export const LIVE_CHANNEL = "bolt_live";

export const LIVE_TOPICS = ["calls", "messages", "notifications", "appointments", "waitlist"] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];

/**
 * One change, without its salon (the stream is the salon's own). `t` "*" with `k` "resync" means events
 * may have been missed (the listener reconnected): whoever shows live data reads it again.
 */
export type LiveEvent = {
  t: LiveTopic | "*";
  /** The row: a call, a notification, an appointment; for "messages", the conversation's customer. */
  id: string;
  /** What happened: "text", "read", "missed", "voicemail", "booked_by_bolt", a text's status… */
  k?: string;
  /** The caller's number (E.164), on events a toast reports. */
  f?: string;
  /** The customer's name, on events a toast reports, when known. */
  n?: string;
  /** A text's customer (topic "notifications"), so an open thread refreshes only for its own texts. */
  c?: string;
};

/** The sidebar's counts (lib/live/count-unread.ts): conversations with unread texts, calls to follow up. */
export type UnreadCounts = { messages: number; calls: number };
/** Counts at or past this show as "99+" (and are not counted further). */
export const UNREAD_CAP = 100;

export const RESYNC_EVENT: LiveEvent = { t: "*", id: "", k: "resync" };

const isTopic = (t: unknown): t is LiveTopic => LIVE_TOPICS.includes(t as LiveTopic);
const optionalString = (v: unknown) => v === undefined || typeof v === "string";

/** A NOTIFY payload as salon and event; null for anything malformed (never trusted blindly). */
export function parseLivePayload(payload: string | undefined): { salonId: string; event: LiveEvent } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(payload ?? "");
  } catch {
    return null;
  }
  if (!raw || typeof raw !== "object") return null;
  const { s, t, id, k, f, n, c } = raw as Record<string, unknown>;
  if (typeof s !== "string" || !s || !isTopic(t) || typeof id !== "string") return null;
  if (![k, f, n, c].every(optionalString)) return null;
  const event: LiveEvent = { t, id };
  if (k !== undefined) event.k = k as string;
  if (f !== undefined) event.f = f as string;
  if (n !== undefined) event.n = n as string;
  if (c !== undefined) event.c = c as string;
  return { salonId: s, event };
}

/** Whether `event` concerns a page showing `topics` (and, when given, the row or customer `id`). */
export function liveEventMatches(event: LiveEvent, topics: readonly LiveTopic[], id?: string): boolean {
  if (event.t === "*") return true;
  if (!topics.includes(event.t)) return false;
  return id === undefined || event.id === id || event.c === id;
}
