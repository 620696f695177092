// Shapes shared by the delivery job's parts (and by tests that call processDeliverJob directly).
import type { NotificationStatus } from "@/lib/generated/prisma/client";

/** Which try this is: pg-boss's retryCount (0 on the first run) and the job's retryLimit. */
export type DeliveryAttempt = { retryCount: number; retryLimit: number };

export type DeliveryOutcome =
  | { result: "sent"; providerMessageId: string; status: NotificationStatus }
  | { result: "skipped"; reason: string }
  | { result: "canceled"; reason: string }
  | { result: "failed"; reason: string; errorCode?: string | null }
  | { result: "deferred"; until: Date }
  /** Temporary trouble: the job fails so pg-boss runs it again after its backoff. */
  | { result: "retry"; reason: string };
