// Status callbacks can be lost (our server was down, Twilio gave up retrying). Ten minutes after a
// text last changed while still SENDING/SENT, the worker asks Twilio once for its status and records
// it like a callback would. The one-minute window per row keeps it to about one lookup per change.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { getTwilioClient } from "@/lib/telephony/twilio";
import { advanceNotificationStatus } from "@/lib/messaging/notification-status";
import { mapTwilioMessageStatus as mapTwilioStatus } from "@/lib/telephony/statuses";
import { mapLimit } from "@/lib/jobs/map-limit";

const log = logger.child({ module: "reconcile-statuses" });

export const RECONCILE_AFTER_MS = 10 * 60_000;

export async function reconcileStaleStatuses(
  opts: { now?: Date; windowMs?: number; limit?: number } = {},
): Promise<number> {
  const now = (opts.now ?? new Date()).getTime();
  const newest = new Date(now - RECONCILE_AFTER_MS);
  const oldest = new Date(newest.getTime() - (opts.windowMs ?? 60_000));
  const rows = await db.notification.findMany({
    where: {
      channel: "SMS",
      status: { in: ["SENDING", "SENT"] },
      providerMessageId: { not: null },
      updatedAt: { gte: oldest, lt: newest },
    },
    select: {
      id: true,
      salonId: true,
      providerMessageId: true,
      salon: { select: { twilioAccountSid: true } },
    },
    take: opts.limit ?? 200,
  });
  let moved = 0;
  await mapLimit(rows, 4, async (row) => {
    const sid = row.providerMessageId as string;
    try {
      const client = getTwilioClient(
        row.salon.twilioAccountSid ? { accountSid: row.salon.twilioAccountSid } : {},
      );
      const message = await client.messages(sid).fetch();
      const status = mapTwilioStatus(message.status);
      if (!status) return;
      const errorCode = message.errorCode ? String(message.errorCode) : null;
      const result = await advanceNotificationStatus({ providerMessageId: sid }, status, {
        salonId: row.salonId,
        errorCode,
        detail: "Checked with Twilio: no status report had arrived.",
      });
      if (result.moved) moved++;
    } catch (err) {
      log.warn({ err, notificationId: row.id }, "could not check a text's status with Twilio");
    }
  });
  if (moved > 0) log.info({ checked: rows.length, moved }, "reconciled text statuses with Twilio");
  return moved;
}
