// Shapes shared by the delivery job's parts, the modules whose pre-send checks it runs, and tests.
import type { NotificationKind, NotificationStatus } from "@/lib/generated/prisma/client";

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

/** What a kind's pre-send check sees: the text as it stands plus the salon facts it usually needs. */
export type PreSendInput = {
  id: string;
  salonId: string;
  kind: NotificationKind;
  body: string;
  destination: string;
  appointmentId: string | null;
  customerId: string | null;
  employeeId: string | null;
  scheduledFor: Date | null;
  /** When the text was queued: what happened since may make it pointless. */
  createdAt: Date;
  salon: { id: string; name: string; timeZone: string };
  /** The moment of the send check. */
  now: Date;
};

/** `cancel` ends the text as CANCELED with the reason; `body` replaces the text to send. */
export type PreSendDecision = { cancel: string } | { body?: string };
