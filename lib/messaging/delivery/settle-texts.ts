// Texts whose fate Bolt doesn't know are settled by asking Twilio, never by guessing. Two kinds:
//  - claimed (SENDING) with no SID: the worker died mid-send. Twilio is asked for the message by the
//    text's identity (From/To/Body since it was queued; findAcceptedEarlier). Found → its SID and true
//    status are recorded; Twilio answers it has none → the text goes back to QUEUED and is sent once
//    (the claim keeps that exclusive);
//  - handed over (SENDING/SENT with a SID) but no final status report came: its status is fetched.
// A check that settles nothing (Twilio unreachable, or no final status yet) is repeated with back-off
// (check-schedule.ts). Past the horizon a text with no SID says so plainly and stays SENDING, never
// FAILED: it may well have gone out. The worker runs this sweep often; each text is due by its own
// statusCheckAt, so a restarted worker carries on where the last one stopped.
import type { NotificationStatus } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { mapLimit } from "@/lib/jobs/map-limit";
import { fetchMessageStatus, findAcceptedEarlier } from "@/lib/telephony/send-message";
import { advanceNotificationStatus } from "@/lib/messaging/notification-status";
import { checkSchedule, nextCheckAt, type CheckSchedule } from "@/lib/messaging/delivery/check-schedule";
import {
  knownProviderSids,
  loadDueForCheck,
  transitionNotification,
  type DeliveryRow,
} from "@/lib/messaging/delivery/delivery-store";
import { recordAccepted } from "@/lib/messaging/delivery/send-claimed-sms";
import { requeueDeliveries } from "@/lib/messaging/delivery/requeue-stranded";

const log = logger.child({ module: "settle-texts" });

/** Twilio's dates have whole seconds and its clock isn't ours: look a little before the text was queued. */
const CLOCK_SLACK_MS = 5 * 60_000;
/** Twilio look-ups at once: a sweep after a crash must not trip its rate limit. */
const CHECK_CONCURRENCY = 4;

export const UNCONFIRMED_REASON =
  "Could not confirm with Twilio whether this text was sent: Twilio did not answer for too long. It was not sent again, to avoid a duplicate; check the Twilio console before resending.";
const FINAL: NotificationStatus[] = ["DELIVERED", "UNDELIVERED", "FAILED", "CANCELED"];

export type SettleResult = "found" | "resent" | "updated" | "waiting" | "unanswered" | "gave-up";
export type SettleCounts = Record<SettleResult, number>;

/** One sweep: settles the texts whose check is due (at most `limit`); counts what happened. */
export async function settleUnknownTexts(opts: { now?: Date; limit?: number } = {}): Promise<SettleCounts> {
  const now = opts.now ?? new Date();
  const schedule = checkSchedule();
  const rows = await loadDueForCheck(now, opts.limit ?? 200);
  const counts: SettleCounts = { found: 0, resent: 0, updated: 0, waiting: 0, unanswered: 0, "gave-up": 0 };
  await mapLimit(rows, CHECK_CONCURRENCY, async (row) => {
    counts[await settleText(row, now, schedule)]++;
  });
  if (rows.length > 0) log.info({ checked: rows.length, ...counts }, "asked Twilio about texts in doubt");
  return counts;
}

/** Asks Twilio about one text and records the answer; an unanswered check is scheduled again. */
export async function settleText(row: DeliveryRow, now: Date, schedule: CheckSchedule): Promise<SettleResult> {
  try {
    return row.providerMessageId ? await checkStatus(row, row.providerMessageId, now, schedule) : await findOrResend(row, now);
  } catch (err) {
    log.warn({ err, notificationId: row.id }, "could not settle a text with Twilio; will ask again");
    return askAgain(row, now, schedule, false);
  }
}

async function checkStatus(row: DeliveryRow, sid: string, now: Date, schedule: CheckSchedule): Promise<SettleResult> {
  const { status, errorCode } = await fetchMessageStatus({ accountSid: row.salon.twilioAccountSid, sid });
  if (status)
    await advanceNotificationStatus({ providerMessageId: sid }, status, {
      salonId: row.salonId,
      errorCode,
      detail: "Checked with Twilio: no status report had arrived.",
    });
  if (status && FINAL.includes(status)) return "updated";
  // Twilio answered, but the text is still on its way: its final status is worth another look.
  return askAgain({ ...row, status: status === "SENT" ? "SENT" : row.status }, now, schedule, true);
}

async function findOrResend(row: DeliveryRow, now: Date): Promise<SettleResult> {
  const found = await findAcceptedEarlier({
    accountSid: row.salon.twilioAccountSid,
    from: row.salon.twilioNumber ?? "",
    to: row.destination,
    body: row.body,
    since: new Date(row.createdAt.getTime() - CLOCK_SLACK_MS),
    isKnownSid: knownProviderSids,
  });
  if (found) {
    await recordAccepted(row, row.body, found, `Sending was interrupted; Twilio has it as ${found.sid}.`);
    return "found";
  }
  // Twilio answered and has no such message: it never went out, so it is sent now (once: the claim).
  const moved = await transitionNotification({
    id: row.id,
    salonId: row.salonId,
    from: ["SENDING"],
    to: "QUEUED",
    set: { statusCheckAt: null, statusChecks: 0 },
    event: { detail: "Sending was interrupted before Twilio took it (Twilio has no such text); sending it now." },
  });
  if (moved) await requeueDeliveries([{ id: row.id, salonId: row.salonId, updatedAt: now }]);
  return "resent";
}

/** Schedules the next check with back-off, or past the horizon stops asking and says why. */
async function askAgain(row: DeliveryRow, now: Date, schedule: CheckSchedule, answered: boolean): Promise<SettleResult> {
  const checks = row.statusChecks + 1;
  const at = nextCheckAt(now, checks, schedule);
  if (at) {
    // Not a change of the text: updatedAt stays; the status guard skips a row a report moved meanwhile.
    await db.$executeRaw`
      UPDATE "notifications" SET "statusCheckAt" = ${at}::timestamp(3), "statusChecks" = ${checks}
      WHERE "id" = ${row.id} AND "salonId" = ${row.salonId} AND "status" = ${row.status}::"NotificationStatus"`;
    return answered ? "waiting" : "unanswered";
  }
  const unconfirmed = !row.providerMessageId;
  await transitionNotification({
    id: row.id,
    salonId: row.salonId,
    from: [row.status],
    to: row.status,
    set: { statusCheckAt: null, statusChecks: checks, ...(unconfirmed ? { failureReason: UNCONFIRMED_REASON } : {}) },
    event: {
      detail: unconfirmed
        ? UNCONFIRMED_REASON
        : `Asked Twilio ${checks} times for this text's final status without one; no more checks.`,
    },
  });
  log.warn({ notificationId: row.id, checks, unconfirmed }, "stopped asking Twilio about a text");
  return "gave-up";
}
