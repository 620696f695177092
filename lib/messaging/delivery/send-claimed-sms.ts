// The part of delivery after a notification has been claimed (QUEUED → SENDING): one Twilio call,
// then exactly one recorded outcome — accepted (SID stored), back to QUEUED for a retry, or FAILED.
import { setTimeout as sleep } from "node:timers/promises";
import { recordCarrierOptOut } from "@/lib/messaging/opt-out";
import { logger } from "@/lib/logger";
import { countSegments } from "@/lib/messaging/segments";
import { describeTwilioError, isRecipientOptedOut } from "@/lib/telephony/error-codes";
import { recordAccepted as writeAccepted, type AcceptedEntry } from "@/lib/messaging/delivery/accepted-writer";
import { findAcceptedEarlier, sendMessage, type TwilioSendResult } from "@/lib/telephony/send-message";
import {
  knownProviderSids,
  markCustomerTexted,
  transitionNotification,
  type DeliveryRow,
} from "@/lib/messaging/delivery/delivery-store";
import type { DeliveryAttempt, DeliveryOutcome } from "@/lib/messaging/delivery/delivery-types";
import { firstCheckAfterAccept } from "@/lib/messaging/delivery/check-schedule";

const log = logger.child({ module: "deliver-sms" });

const CLOCK_SLACK_MS = 5 * 60_000;

/** Twilio has the text (just sent, or found there later): stores its SID, status and final body. */
export async function recordAccepted(
  row: DeliveryRow,
  body: string,
  result: Extract<TwilioSendResult, { ok: true }>,
  detail = `Handed to Twilio as ${result.sid}.`,
): Promise<DeliveryOutcome> {
  const failed = result.status === "FAILED" || result.status === "UNDELIVERED";
  const entry = {
    id: row.id,
    salonId: row.salonId,
    status: result.status,
    sid: result.sid,
    body,
    segmentCount: countSegments(body).segments,
    errorCode: result.errorCode,
    failureReason: failed ? describeTwilioError(result.errorCode) : null,
    detail,
  };
  // Twilio has the text now: the SID must be stored, or a later retry could send it again.
  try {
    await writeAccepted(entry);
  } catch (err) {
    log.warn({ err, notificationId: row.id }, "combined write failed; recording this text on its own");
    await recordAcceptedAlone(row, entry);
  }
  if (row.customer && row.customer.firstTextedAt === null)
    await markCustomerTexted(row.salonId, row.customer.id, new Date());
  return { result: "sent", providerMessageId: result.sid, status: result.status };
}

async function recordAcceptedAlone(row: DeliveryRow, entry: AcceptedEntry): Promise<void> {
  const now = new Date();
  const failed = entry.status === "FAILED" || entry.status === "UNDELIVERED";
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      await transitionNotification({
        id: row.id,
        salonId: row.salonId,
        from: ["SENDING"],
        to: entry.status,
        set: {
          providerMessageId: entry.sid,
          sentAt: now,
          body: entry.body,
          segmentCount: entry.segmentCount,
          statusCheckAt: failed ? null : firstCheckAfterAccept(now),
          statusChecks: 0,
          ...(failed
            ? { errorCode: entry.errorCode, failureReason: entry.failureReason, failedAt: now }
            : {}),
        },
        event: { detail: entry.detail, errorCode: entry.errorCode },
      });
      return;
    } catch (err) {
      if (attempt === 3)
        log.error(
          { err, notificationId: row.id, sid: entry.sid },
          "accepted by Twilio but could not record the SID",
        );
      else await sleep(200 * attempt);
    }
  }
}

/** Sends a claimed notification and records what happened; never leaves it SENDING without a SID. */
export async function sendClaimedSms(
  row: DeliveryRow,
  body: string,
  attempt: DeliveryAttempt,
): Promise<DeliveryOutcome> {
  const message = {
    accountSid: row.salon.twilioAccountSid,
    from: row.salon.twilioNumber ?? "",
    to: row.destination,
    body,
  };
  // Claimed before (`attempts` is read before this claim): an earlier try may have reached Twilio
  // even though we saw an error, so look before sending again. A failed lookup means "retry later".
  if (row.attempts > 0) {
    try {
      // Twilio dates have whole seconds and its clock isn't ours: look a little before creation.
      const since = new Date(row.createdAt.getTime() - CLOCK_SLACK_MS);
      const earlier = await findAcceptedEarlier({ ...message, since, isKnownSid: knownProviderSids });
      if (earlier) return recordAccepted(row, body, earlier);
    } catch (err) {
      log.warn({ err, notificationId: row.id }, "could not check Twilio for an earlier attempt");
      return backToQueue(
        row,
        {
          ok: false,
          retryable: true,
          errorCode: null,
          reason: "Could not check Twilio for an earlier attempt.",
        },
        attempt,
      );
    }
  }
  const result = await sendMessage(message);
  if (result.ok) return recordAccepted(row, body, result);
  return backToQueue(row, result, attempt);
}

/** A refused or failed call: back to QUEUED for pg-boss to retry, or FAILED for good. */
async function backToQueue(
  row: DeliveryRow,
  result: Extract<TwilioSendResult, { ok: false }>,
  attempt: DeliveryAttempt,
): Promise<DeliveryOutcome> {
  const tries = attempt.retryCount + 1;
  if (result.retryable && attempt.retryCount < attempt.retryLimit) {
    await transitionNotification({
      id: row.id,
      salonId: row.salonId,
      from: ["SENDING"],
      to: "QUEUED",
      set: { errorCode: result.errorCode },
      event: {
        detail: `${result.reason} Will try again (try ${tries} of ${attempt.retryLimit + 1}).`,
        errorCode: result.errorCode,
      },
    });
    return { result: "retry", reason: result.reason };
  }

  const reason = result.retryable ? `${result.reason} Gave up after ${tries} tries.` : result.reason;
  const now = new Date();
  await transitionNotification({
    id: row.id,
    salonId: row.salonId,
    from: ["SENDING"],
    to: "FAILED",
    set: { errorCode: result.errorCode, failureReason: reason, failedAt: now },
    event: { detail: reason, errorCode: result.errorCode },
  });
  // Twilio knows this number replied STOP (perhaps to another of our numbers): never text it again.
  if (isRecipientOptedOut(result.errorCode)) await recordCarrierOptOut(row.salonId, row.destination, now);
  log.warn(
    { notificationId: row.id, salonId: row.salonId, errorCode: result.errorCode, reason },
    "text failed",
  );
  return { result: "failed", reason, errorCode: result.errorCode };
}
