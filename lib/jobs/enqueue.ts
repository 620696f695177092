// Handing notifications to the delivery queue. Job ids are derived from (notification, time), so a
// repeated enqueue for the same moment is a no-op; the notification's own status is the final guard.
import { getBoss } from "@/lib/jobs/boss";
import { DELIVER_NOTIFICATION, deliveryJobId, type DeliverNotificationPayload } from "@/lib/jobs/queues";

export type DeliveryRequest = DeliverNotificationPayload & { startAfter?: Date | null };

function jobOf({ notificationId, salonId, startAfter }: DeliveryRequest, now: number) {
  // A time in the past means "now": keep the id stable for replays but don't defer.
  const later = startAfter && startAfter.getTime() > now ? startAfter : null;
  return {
    id: deliveryJobId(notificationId, startAfter ?? null),
    data: { notificationId, salonId } satisfies DeliverNotificationPayload,
    singletonKey: notificationId,
    ...(later ? { startAfter: later } : {}),
  };
}

/** Enqueues one delivery (at `startAfter` when given and in the future). */
export async function enqueueDelivery(request: DeliveryRequest): Promise<void> {
  await enqueueDeliveries([request]);
}

/** Enqueues many deliveries in one statement; a repeat of a job already queued (same id) is dropped. */
export async function enqueueDeliveries(requests: DeliveryRequest[]): Promise<void> {
  if (requests.length === 0) return;
  const now = Date.now();
  // pg-boss refuses a batch naming one id twice (a replayed key asked for twice in one batch).
  const jobs = new Map(requests.map((r) => jobOf(r, now)).map((job) => [job.id, job]));
  const boss = await getBoss();
  await boss.insert(DELIVER_NOTIFICATION, [...jobs.values()]);
}
