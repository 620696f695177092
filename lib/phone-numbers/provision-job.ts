// The pg-boss handler of PROVISION_NUMBER: one salon per job (batch size 1), so a failure retries
// only that salon, with the queue's backoff (lib/jobs/queues.ts).
import type { Job } from "pg-boss";
import type { ProvisionNumberPayload } from "@/lib/jobs/queues";
import { provisionNumber } from "@/lib/phone-numbers/provision-number";
import { systemClock } from "@/lib/time/clock";

export async function handleProvisionJobs(jobs: Job<ProvisionNumberPayload>[]): Promise<void> {
  for (const job of jobs) await provisionNumber(job.data.salonId, systemClock());
}
