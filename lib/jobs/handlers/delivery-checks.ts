// The checks every text passes just before it goes out, in order: still waiting to be sent, the
// customer hasn't opted out, the salon has a number, it isn't quiet hours in the salon's zone, and
// the owning module (reminders, confirmations) still wants it. The monthly quota is checked per batch.
import { runBeforeSendHooks, type BeforeSendInput } from "@/lib/messaging/before-send";
import { composeSmsBody, hasOptOutFooter, withOptOutFooter } from "@/lib/messaging/compose";
import { isInQuietHours, nextSendableTime, waitsForQuietHours } from "@/lib/messaging/quiet-hours";
import { isAllowedWhenOptedOut } from "@/lib/messaging/opt-out";
import { OPTED_OUT_REASON } from "@/lib/messaging/send-sms";
import type { DeliveryRow } from "@/lib/jobs/handlers/delivery-store";
import { realTimeOf, salonClockTime } from "@/lib/time/clock";

/** A SENDING row untouched this long was abandoned by a crashed worker (jobs expire after 120 s). */
export const STALE_SENDING_MS = 90_000;

export type PreCheck =
  | { action: "skip"; reason: string }
  | { action: "retry"; reason: string }
  | { action: "cancel"; reason: string }
  | { action: "fail"; reason: string; from: "QUEUED" | "SENDING" }
  | { action: "defer"; until: Date }
  | { action: "send"; body: string };

/** Every verdict but "send": the text ends, waits or is left alone. */
export type StopVerdict = Exclude<PreCheck, { action: "send" }>;

export const NO_NUMBER_REASON = "This salon has no texting number yet — choose one in Settings.";
export const INTERRUPTED_REASON =
  "Sending was interrupted before Twilio confirmed it; it was not retried to avoid a duplicate text.";

export function quotaReason(quota: number): string {
  return `Monthly text limit of ${quota} reached — raise it in Settings.`;
}

/** The checks that need no I/O; null means "passes, ask the hooks". */
export function checkRow(row: DeliveryRow, now: Date): StopVerdict | null {
  if (row.status !== "QUEUED") {
    if (row.status !== "SENDING" || row.providerMessageId)
      return { action: "skip", reason: `already ${row.status}` };
    // SENDING without a SID: another worker is mid-call, or one crashed after claiming it.
    if (now.getTime() - row.updatedAt.getTime() < STALE_SENDING_MS)
      return { action: "retry", reason: "being sent by another worker" };
    return { action: "fail", reason: INTERRUPTED_REASON, from: "SENDING" };
  }
  if (row.customer?.smsConsent === "OPTED_OUT" && !isAllowedWhenOptedOut(row.kind))
    return { action: "cancel", reason: OPTED_OUT_REASON };
  if (!row.salon.twilioNumber) return { action: "fail", reason: NO_NUMBER_REASON, from: "QUEUED" };
  const salonTime = salonClockTime(now);
  if (waitsForQuietHours(row.kind) && isInQuietHours(salonTime, row.salon))
    return { action: "defer", until: realTimeOf(nextSendableTime(salonTime, row.salon)) };
  return null;
}

function hookInput(row: DeliveryRow, now: Date): BeforeSendInput {
  return {
    id: row.id,
    salonId: row.salonId,
    kind: row.kind,
    body: row.body,
    destination: row.destination,
    appointmentId: row.appointmentId,
    customerId: row.customerId,
    employeeId: row.employeeId,
    scheduledFor: row.scheduledFor,
    createdAt: row.createdAt,
    salon: { id: row.salon.id, name: row.salon.name, timeZone: row.salon.timeZone },
    now,
  };
}

/** Lets the owning modules cancel or re-word the rows that passed checkRow; one decision per row. */
export async function checkWithHooks(rows: DeliveryRow[], now: Date): Promise<PreCheck[]> {
  const decisions = await runBeforeSendHooks(rows.map((row) => hookInput(row, now)));
  return rows.map((row, i) => {
    const decision = decisions[i] ?? {};
    if ("cancel" in decision) return { action: "cancel", reason: decision.cancel };
    let body = decision.body ? composeSmsBody({ salonName: row.salon.name, body: decision.body }) : row.body;
    // The customer's first text ever carries the opt-out line, even if it was composed before.
    const firstText =
      row.customer && row.customer.firstTextedAt === null && row.customer.smsConsent === "OPTED_IN";
    if (firstText && !hasOptOutFooter(body)) body = withOptOutFooter(body);
    return { action: "send", body };
  });
}
