// Missed calls get one text-back, at most once per caller per salon every 12 hours, through the normal
// sending path (so opt-out, quiet hours and the monthly quota apply). "Missed" is the Calls page's own
// outcome (lib/calls/call-outcome.ts): nobody answered, no voicemail, and the receptionist didn't
// serve an answer — a caller who heard the hours or got the booking text is not texted "sorry".
// Safe under concurrent and repeated status callbacks.
import { db, withSalonTransaction } from "@/lib/db";
import { callOutcomeOf, callOutcomeWhere, type CallOutcomeFields } from "@/lib/calls/call-outcome";
import { missedCallKey } from "@/lib/calls/notification-keys";
import { cancelQueuedTexts } from "@/lib/messaging/cancel-queued-texts";
import { isLanguage, type Language } from "@/lib/i18n/language";
import { textTemplates } from "@/lib/i18n/text-templates";
import { sendSms } from "@/lib/messaging/send-sms";
import { e164PhoneSchema } from "@/lib/validations/phone";

const MISSED_CALL_WINDOW_MS = 12 * 60 * 60 * 1000;
/** How long to wait for a late recording, or staff taking the screened call, when the caller was sent to voicemail or staff. */
export const MISSED_CALL_GRACE_SECONDS = 60;

export type MissedCallCandidate = CallOutcomeFields & {
  id: string;
  salonId: string;
  callSid: string;
  from: string;
  /** The call's language (null: English). */
  language?: string | null;
};

export type MissedCallOutcome = "sent" | "not_missed" | "no_number" | "already_texted" | "recently_texted";

export const missedCallSelect = {
  id: true,
  salonId: true,
  callSid: true,
  from: true,
  status: true,
  reason: true,
  answeredAt: true,
  recordingSid: true,
  transcription: true,
  servedByBolt: true,
  missedCallTextAt: true,
  language: true,
} as const;

/** In the call's language (a Spanish call, or a caller remembered as Spanish-speaking). */
export function missedCallBody(salonName: string, language: Language | null = null): string {
  return textTemplates(language).missedCall(salonName);
}

export async function sendMissedCallTextBack(
  call: MissedCallCandidate,
  salonName: string,
  opts: { now?: Date; graceSeconds?: number } = {},
): Promise<MissedCallOutcome> {
  if (callOutcomeOf(call) !== "MISSED") return "not_missed";
  // Withheld and malformed caller ids ("anonymous", "+266696687") cannot be texted.
  if (!e164PhoneSchema.safeParse(call.from).success) return "no_number";
  const now = opts.now ?? new Date();
  // Sent to voicemail or staff (a caller never understood ends in voicemail too): Twilio may report the
  // recording, or staff pressing 1 at the screening (handle-screen-result.ts), just after the hang-up,
  // so the text waits a moment and is cancelled if either arrives (cancelPendingMissedCallText).
  const outcomePending = call.reason === "VOICEMAIL" || call.reason === "TRANSFER" || call.reason === "UNKNOWN";
  const graceMs = (opts.graceSeconds ?? MISSED_CALL_GRACE_SECONDS) * 1000;
  const scheduledFor = outcomePending && graceMs > 0 ? new Date(now.getTime() + graceMs) : undefined;

  return withSalonTransaction(call.salonId, async (tx) => {
    // Serialises decisions for one caller at one salon, so two calls ending together send one text.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('missed-call-text'), hashtext(${`${call.salonId}:${call.from}`}))`;
    const recent = await tx.callLog.findFirst({
      where: { salonId: call.salonId, from: call.from, missedCallTextAt: { gt: new Date(now.getTime() - MISSED_CALL_WINDOW_MS) } },
      select: { callSid: true },
    });
    if (recent) return recent.callSid === call.callSid ? "already_texted" : "recently_texted";
    const claimed = await tx.callLog.updateMany({
      where: { id: call.id, salonId: call.salonId, missedCallTextAt: null, AND: [callOutcomeWhere("MISSED")] },
      data: { missedCallTextAt: now },
    });
    if (claimed.count === 0) return "not_missed";
    // Inside the transaction: if queueing fails, the claim rolls back and Twilio's retry tries again;
    // the idempotency key makes that retry find the same notification.
    await sendSms({
      salonId: call.salonId,
      kind: "MISSED_CALL",
      body: missedCallBody(salonName, isLanguage(call.language) ? call.language : null),
      to: { phone: call.from },
      idempotencyKey: missedCallKey(call),
      scheduledFor,
    });
    return "sent";
  });
}

/** A voicemail, or staff taking the screened call, arrived after the text was scheduled: call it off if still waiting. */
export async function cancelPendingMissedCallText(
  call: Pick<MissedCallCandidate, "salonId" | "from" | "callSid">,
  reason: string,
): Promise<boolean> {
  // Only a QUEUED text is called off; one already handed to Twilio (SENDING) cannot be.
  const canceled = await cancelQueuedTexts({ salonId: call.salonId, idempotencyKey: missedCallKey(call) }, reason);
  if (canceled.length === 0) return false;
  // The 12-hour allowance was not used after all.
  await db.callLog.updateMany({ where: { salonId: call.salonId, callSid: call.callSid }, data: { missedCallTextAt: null } });
  return true;
}
