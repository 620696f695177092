// What an alert says and which page it opens, read when it is dispatched (so a voicemail's alert carries
// the transcript if it has come). Null: nothing to alert about any more (a "missed" call that got a
// voicemail or staff's answer in the meantime, a text that is gone).
import { db } from "@/lib/db";
import { formatCallerNumber, formatPhone } from "@/lib/phone";
import type { AlertEvent } from "@/lib/alerts/events";

export type AlertContent = { title: string; body: string; url: string };

const MAX_QUOTE = 140;
const quote = (text: string) => (text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text);
const who = (customer: { name: string | null; phone: string } | null, from: string) =>
  customer?.name ? `${customer.name} (${formatPhone(customer.phone)})` : formatCallerNumber(from);

async function textContent(salonId: string, messageSid: string, event: AlertEvent): Promise<AlertContent | null> {
  const text = await db.inboundMessage.findFirst({
    where: { salonId, messageSid },
    select: { body: true, from: true, customerId: true, customer: { select: { name: true, phone: true } } },
  });
  if (!text) return null;
  const url = `/messages/${text.customerId}`;
  if (event === "RESCHEDULE_REQUEST")
    return { title: `Reschedule request from ${who(text.customer, text.from)}`, body: "They asked for a new time. Answer them in Messages.", url };
  return { title: `Text from ${who(text.customer, text.from)}`, body: text.body.trim() ? quote(text.body.trim()) : "(a picture)", url };
}

async function callContent(salonId: string, callSid: string, event: AlertEvent): Promise<AlertContent | null> {
  const call = await db.callLog.findFirst({
    where: { salonId, callSid },
    select: {
      id: true, from: true, outcome: true, transcription: true, recordingDurationSeconds: true,
      customer: { select: { name: true, phone: true } },
    },
  });
  if (!call) return null;
  const url = `/calls/${call.id}`;
  // The stored outcome (written by callOutcomeOf in lib/calls/write-call-logs.ts).
  const { outcome } = call;
  if (event === "MISSED_CALL")
    return outcome === "MISSED" ? { title: `Missed call from ${who(call.customer, call.from)}`, body: "No voicemail was left.", url } : null;
  if (outcome !== "VOICEMAIL") return null;
  const seconds = call.recordingDurationSeconds;
  const body = call.transcription?.trim()
    ? `“${quote(call.transcription.trim())}”`
    : `A ${seconds ? `${seconds}-second ` : ""}message; the transcript isn't ready yet.`;
  return { title: `Voicemail from ${who(call.customer, call.from)}`, body, url };
}

export function describeAlert(salonId: string, event: AlertEvent, ref: string): Promise<AlertContent | null> {
  return event === "NEW_TEXT" || event === "RESCHEDULE_REQUEST" ? textContent(salonId, ref, event) : callContent(salonId, ref, event);
}
