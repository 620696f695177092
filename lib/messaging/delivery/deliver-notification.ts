// The delivery job: takes a batch of queued notifications to the provider. Per batch it costs one
// load, one quota count and one claim; per text one Twilio call and one write (row + event).
import type { JobResult, JobWithMetadata } from "pg-boss";
import { logger } from "@/lib/logger";
import { enqueueDelivery } from "@/lib/jobs/enqueue";
import { mapLimit } from "@/lib/jobs/map-limit";
import { DELIVERY_RETRY, type DeliverNotificationPayload } from "@/lib/jobs/queues";
import {
  checkRow,
  checkByKind,
  type PreCheck,
  type StopVerdict,
} from "@/lib/messaging/delivery/pre-send-checks";
import {
  claimForSending,
  loadForDelivery,
  transitionNotification,
  type DeliveryRow,
} from "@/lib/messaging/delivery/delivery-store";
import { cancelQueuedTexts } from "@/lib/messaging/cancel-queued-texts";
import { quotaReason, splitByQuota } from "@/lib/messaging/quota";
import { sendClaimedSms } from "@/lib/messaging/delivery/send-claimed-sms";
import { deliverEmail } from "@/lib/messaging/delivery/deliver-email";
import { firstCheckAfterClaim } from "@/lib/messaging/delivery/check-schedule";
import type { DeliveryAttempt, DeliveryOutcome } from "@/lib/messaging/delivery/delivery-types";

export type { DeliveryAttempt, DeliveryOutcome } from "@/lib/messaging/delivery/delivery-types";

const log = logger.child({ module: "deliver-notification" });

/** Texts of one batch in flight at once: enough to hide Twilio's latency, few enough for the DB pool. */
const SEND_CONCURRENCY = 16;

export type DeliveryItem = { payload: DeliverNotificationPayload; attempt: DeliveryAttempt };
type Candidate = { index: number; row: DeliveryRow; body: string; attempt: DeliveryAttempt };

function isPayload(data: unknown): data is DeliverNotificationPayload {
  const d = data as Partial<DeliverNotificationPayload> | null;
  return typeof d?.notificationId === "string" && typeof d.salonId === "string";
}

async function failBeforeSending(row: DeliveryRow, reason: string, from: "QUEUED" | "SENDING" = "QUEUED") {
  await transitionNotification({
    id: row.id,
    salonId: row.salonId,
    from: [from],
    to: "FAILED",
    set: { failureReason: reason, failedAt: new Date() },
    event: { detail: reason },
  });
}

async function deferToMorning(row: DeliveryRow, until: Date): Promise<DeliveryOutcome> {
  await transitionNotification({
    id: row.id,
    salonId: row.salonId,
    from: ["QUEUED"],
    to: "QUEUED",
    set: { scheduledFor: until },
    event: { detail: `Quiet hours in the salon's time zone: will send at ${until.toISOString()}.` },
  });
  await enqueueDelivery({ notificationId: row.id, salonId: row.salonId, startAfter: until });
  return { result: "deferred", until };
}

/** Carries out a check's verdict (anything but "send"). */
async function applyCheck(row: DeliveryRow, check: StopVerdict): Promise<DeliveryOutcome> {
  switch (check.action) {
    case "skip":
      return { result: "skipped", reason: check.reason };
    case "retry":
      return { result: "retry", reason: check.reason };
    case "cancel":
      await cancelQueuedTexts({ salonId: row.salonId, notificationId: row.id }, check.reason);
      return { result: "canceled", reason: check.reason };
    case "fail":
      await failBeforeSending(row, check.reason, check.from);
      return { result: "failed", reason: check.reason };
    case "defer":
      return deferToMorning(row, check.until);
  }
}

function asRetry(err: unknown, notificationId: string): DeliveryOutcome {
  log.error({ err, notificationId }, "delivery check failed");
  return { result: "retry", reason: err instanceof Error ? err.message : String(err) };
}

/** The pre-send checks (pre-send-checks.ts): every text's, then its kind's; returns the texts that may be sent. */
async function precheck(
  items: DeliveryItem[],
  rows: DeliveryRow[],
  outcomes: DeliveryOutcome[],
  now: Date,
): Promise<Candidate[]> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const pending: Array<{ index: number; row: DeliveryRow; attempt: DeliveryAttempt }> = [];
  await mapLimit(items, SEND_CONCURRENCY, async (item, index) => {
    const row = byId.get(item.payload.notificationId);
    // The payload's salon must match the row's: a job can never act on another salon's text.
    if (!row || row.salonId !== item.payload.salonId || seen.has(row.id)) {
      outcomes[index] = {
        result: "skipped",
        reason: row ? "duplicate job in batch" : "notification not found",
      };
      return;
    }
    seen.add(row.id);
    try {
      if (row.channel === "EMAIL") {
        outcomes[index] = await deliverEmail(row, item.attempt);
        return;
      }
      const check = checkRow(row, now);
      if (check) outcomes[index] = await applyCheck(row, check);
      else pending.push({ index, row, attempt: item.attempt });
    } catch (err) {
      outcomes[index] = asRetry(err, row.id);
    }
  });

  let verdicts: PreCheck[];
  try {
    verdicts = await checkByKind(
      pending.map((p) => p.row),
      now,
    );
  } catch (err) {
    for (const p of pending) outcomes[p.index] = asRetry(err, p.row.id);
    return [];
  }
  const candidates: Candidate[] = [];
  await mapLimit(pending, SEND_CONCURRENCY, async (p, i) => {
    const verdict = verdicts[i] as PreCheck;
    if (verdict.action === "send")
      candidates.push({ index: p.index, row: p.row, body: verdict.body, attempt: p.attempt });
    else outcomes[p.index] = await applyCheck(p.row, verdict).catch((err: unknown) => asRetry(err, p.row.id));
  });
  return candidates;
}

/** Keeps each salon under its monthly quota; the texts over it fail with the reason. */
async function admitWithinQuota(
  candidates: Candidate[],
  outcomes: DeliveryOutcome[],
  now: Date,
): Promise<Candidate[]> {
  const { within, over } = await splitByQuota(candidates, (c) => c.row.salon, now);
  for (const c of over) {
    const reason = quotaReason(c.row.salon.monthlySmsQuota);
    try {
      await failBeforeSending(c.row, reason);
      log.warn({ salonId: c.row.salonId, notificationId: c.row.id }, "monthly text quota reached");
      outcomes[c.index] = { result: "failed", reason };
    } catch (err) {
      outcomes[c.index] = asRetry(err, c.row.id);
    }
  }
  return within;
}

/** Delivers a batch; one outcome per item, in order. Throws only if the batch queries fail. */
export async function processDeliveries(items: DeliveryItem[]): Promise<DeliveryOutcome[]> {
  const now = new Date();
  const outcomes = new Array<DeliveryOutcome>(items.length);
  const rows = await loadForDelivery([...new Set(items.map((i) => i.payload.notificationId))]);
  const candidates = await precheck(items, rows, outcomes, now);

  const admitted = await admitWithinQuota(candidates, outcomes, now);
  const claimed = await claimForSending(
    admitted.map((c) => ({ id: c.row.id, salonId: c.row.salonId, body: c.body })),
    firstCheckAfterClaim(new Date()),
  );
  await mapLimit(admitted, SEND_CONCURRENCY, async (c) => {
    if (!claimed.has(c.row.id)) {
      outcomes[c.index] = { result: "skipped", reason: "claimed by another worker" };
      return;
    }
    outcomes[c.index] = await sendClaimedSms(c.row, c.body, c.attempt).catch((err: unknown) =>
      asRetry(err, c.row.id),
    );
  });
  return outcomes;
}

/** One delivery, as the queue would run it (tests and one-off callers). */
export async function processDeliverJob(
  payload: DeliverNotificationPayload,
  attempt: DeliveryAttempt = { retryCount: 0, retryLimit: DELIVERY_RETRY.retryLimit },
): Promise<DeliveryOutcome> {
  const [outcome] = await processDeliveries([{ payload, attempt }]);
  return outcome as DeliveryOutcome;
}

/** pg-boss batch handler (perJobResults): "retry" outcomes fail their job so pg-boss retries it. */
export async function handleDeliverJobs(
  jobs: JobWithMetadata<DeliverNotificationPayload>[],
): Promise<JobResult[]> {
  const valid = jobs.filter((j) => isPayload(j.data));
  const outcomes = await processDeliveries(
    valid.map((j) => ({ payload: j.data, attempt: { retryCount: j.retryCount, retryLimit: j.retryLimit } })),
  );
  const byJob = new Map(valid.map((j, i) => [j.id, outcomes[i]]));
  return jobs.map((job) => {
    const outcome = byJob.get(job.id) ?? { result: "skipped", reason: "malformed payload" };
    return { id: job.id, status: outcome.result === "retry" ? "failed" : "completed", output: outcome };
  });
}
