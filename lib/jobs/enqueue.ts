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
  const boss = await getBoss();
  const { id, data, ...options } = jobOf(request, Date.now());
  await boss.send(DELIVER_NOTIFICATION, data, { id, ...options });
}
