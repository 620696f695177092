// Registers every job handler on this process's pg-boss instance. Runs inside `npm start` (unless
// RUN_JOBS_IN_PROCESS=false) or on its own via `npm run worker`. Tuned on 2 cores with
// bench/reminders.ts: four fetch loops of 100 jobs, each sending 16 texts at a time, so one loop's
// database round trips overlap with another's Twilio calls (two loops of 50 left the worker idle
// ~20% of a burst and reached ~530 texts/s; four of 100 reach ~650/s on the same machine).
import { logger } from "@/lib/logger";
import { warmMessagesApi } from "@/lib/telephony/send-message";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { DELIVER_NOTIFICATION, DISPATCH_ALERT, PROVISION_NUMBER, SEND_PUSH_ALERT } from "@/lib/jobs/queues";
import { handleDispatchAlertJobs, handleSendPushAlertJobs } from "@/lib/alerts/alert-jobs";
import { handleDeliverJobs } from "@/lib/messaging/delivery/deliver-notification";
import { requeueStrandedNotifications } from "@/lib/messaging/delivery/requeue-stranded";
import { settleUnknownTexts } from "@/lib/messaging/delivery/settle-texts";
import { checkSchedule } from "@/lib/messaging/delivery/check-schedule";
import { skipWhileRunning } from "@/lib/jobs/skip-while-running";
import { retryUnprocessedTexts } from "@/lib/messaging/retry-unprocessed-texts";
import { deleteExpiredSessions } from "@/lib/auth/sessions";
import { handleProvisionJobs } from "@/lib/phone-numbers/provision-job";
import { releaseDueNumbers } from "@/lib/phone-numbers/release-number";
import { resumeStalledRequests } from "@/lib/phone-numbers/request-number";

const log = logger.child({ module: "worker" });

export type WorkerOptions = {
  /** Jobs fetched per poll (default 100). */
  batchSize?: number;
  /** Idle poll interval; LISTEN/NOTIFY wakes the worker sooner for new jobs (default 1 s, min 0.5). */
  pollingIntervalSeconds?: number;
  /** Independent fetch loops (default 4). */
  localConcurrency?: number;
  /** How often to sweep: stranded texts, unprocessed incoming texts, expired sessions (default 60 s; 0 = off). */
  sweepIntervalMs?: number;
  /**
   * How often to look for texts due a check with Twilio (settle-texts.ts); default the sweep interval,
   * or the back-off's first delay when shorter, so a check is never much later than due. 0 = off.
   */
  settleIntervalMs?: number;
};

export type RunningWorker = { stop(): Promise<void> };

export async function startWorker(opts: WorkerOptions = {}): Promise<RunningWorker> {
  warmMessagesApi();
  const boss = await getBoss();
  const workId = await boss.work(
    DELIVER_NOTIFICATION,
    {
      batchSize: opts.batchSize ?? 100,
      pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1,
      // NOTIFY only announces new jobs; retries and deferred texts come due silently, so keep the
      // backstop poll as short as the normal one (the default would leave them waiting 30 s).
      notifyPollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1,
      localConcurrency: opts.localConcurrency ?? 4,
      // A full batch means more are waiting (reminder bursts): fetch again without sleeping.
      burstWhenBatchFull: true,
      includeMetadata: true,
      perJobResults: true,
    },
    handleDeliverJobs,
  );
  log.info({ queue: DELIVER_NOTIFICATION, workId }, "worker started");
  // Buying a number: rare and slow (a few Twilio calls), one salon per job.
  await boss.work(
    PROVISION_NUMBER,
    { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 },
    handleProvisionJobs,
  );
  // Alerts to the team (lib/alerts/): a few texts, e-mails or pushes per event.
  await boss.work(DISPATCH_ALERT, { batchSize: 10, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 }, handleDispatchAlertJobs);
  await boss.work(SEND_PUSH_ALERT, { batchSize: 10, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 }, handleSendPushAlertJobs);

  const sweepEvery = opts.sweepIntervalMs ?? 60_000;
  const sweep = skipWhileRunning(
    () =>
      Promise.all([
        requeueStrandedNotifications(),
        retryUnprocessedTexts(),
        deleteExpiredSessions(),
        releaseDueNumbers(new Date()),
        resumeStalledRequests(new Date()),
      ]).then(
        () => {},
        (err: unknown) => log.error({ err }, "delivery sweep failed"),
      ),
    () => log.warn({ sweepEvery }, "the last sweep is still running; this one is skipped"),
  );
  const sweeper = sweepEvery > 0 ? setInterval(sweep.run, sweepEvery) : undefined;
  sweeper?.unref();

  const settleEvery = opts.settleIntervalMs ?? Math.min(sweepEvery, checkSchedule().initialDelayMs);
  const settle = skipWhileRunning(() =>
    settleUnknownTexts().then(
      () => {},
      (err: unknown) => log.error({ err }, "settling texts with Twilio failed"),
    ),
  );
  const settler = settleEvery > 0 ? setInterval(settle.run, settleEvery) : undefined;
  settler?.unref();
  // A restarted worker asks about the texts its predecessor left in doubt without waiting a round.
  if (settler) settle.run();

  let stopped = false;
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(sweeper);
      clearInterval(settler);
      await Promise.all([sweep.idle(), settle.idle()]);
      // Finish the texts in hand, then release the instance (and its pool).
      await boss.offWork(DELIVER_NOTIFICATION, { wait: true });
      await boss.offWork(PROVISION_NUMBER, { wait: true });
      await boss.offWork(DISPATCH_ALERT, { wait: true });
      await boss.offWork(SEND_PUSH_ALERT, { wait: true });
      await stopBoss();
      log.info("worker stopped");
    },
  };
}
