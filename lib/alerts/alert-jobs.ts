// The alert queues' job handlers (lib/jobs/worker.ts registers them); a throw makes pg-boss retry.
import type { Job } from "pg-boss";
import type { DispatchAlertPayload, SendPushAlertPayload } from "@/lib/jobs/queues";
import { dispatchAlert } from "@/lib/alerts/dispatch";
import { sendPushAlert } from "@/lib/alerts/send-push";

export async function handleDispatchAlertJobs(jobs: Job<DispatchAlertPayload>[]): Promise<void> {
  for (const job of jobs) await dispatchAlert(job.data, new Date());
}

export async function handleSendPushAlertJobs(jobs: Job<SendPushAlertPayload>[]): Promise<void> {
  for (const job of jobs) await sendPushAlert(job.data.pushAlertId, new Date());
}
