// Telling a salon's owners about their number by e-mail, through the one e-mail channel (sendEmail).
// A courtesy: the page shows the same state, so a failure here is logged, never fatal to the purchase.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { sendEmail } from "@/lib/messaging/send-email";

const log = logger.child({ module: "phone-numbers" });

/** One e-mail per owner; `key` makes a repeat (a retried job) send nothing again. */
export async function emailOwners(salonId: string, message: { key: string; subject: string; body: string }): Promise<void> {
  try {
    const owners = await db.membership.findMany({
      where: { salonId, role: "OWNER" },
      select: { userId: true, user: { select: { email: true } } },
    });
    for (const owner of owners) {
      await sendEmail({
        salonId,
        kind: "STAFF_ALERT",
        subject: message.subject,
        body: message.body,
        to: { email: owner.user.email },
        idempotencyKey: `${message.key}:${owner.userId}`,
      });
    }
  } catch (err) {
    log.error({ err, salonId, key: message.key }, "could not e-mail the owners about their number");
  }
}
