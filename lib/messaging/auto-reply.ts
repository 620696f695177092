// The salon's auto-reply to a text that isn't a keyword: its own words (or a default) plus today's
// hours, at most once per conversation every 12 hours — the first text of a conversation gets it,
// the rest of the back-and-forth doesn't. The message itself waits for staff.
import { withSalonTransaction } from "@/lib/db";
import { sendSms } from "@/lib/messaging/send-sms";
import { describeOpenStatus, parseBusinessHours } from "@/lib/salons/business-hours";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";

export const AUTO_REPLY_WINDOW_MS = 12 * 60 * 60 * 1000;
export const DEFAULT_AUTO_REPLY = "Thanks for your text! We'll get back to you as soon as we can.";

type AutoReplySalon = Pick<WebhookSalon, "id" | "autoReply" | "businessHours" | "timeZone">;

/** "Thanks for your text! … We're open today until 7 PM." — hours left out when the salon hasn't set any. */
export function autoReplyBody(salon: AutoReplySalon, now: Date): string {
  const text = salon.autoReply?.trim() || DEFAULT_AUTO_REPLY;
  const hours = parseBusinessHours(salon.businessHours);
  const hasHours = hours !== null && Object.values(hours).some((day) => day.length > 0);
  return hasHours ? `${text} ${describeOpenStatus(hours, salon.timeZone, now)}` : text;
}

export function autoReplyKey(messageSid: string): string {
  return `inbound:${messageSid}:auto-reply`;
}

/** Sends the auto-reply unless this customer got one in the last 12 hours; true when one was queued. */
export async function sendAutoReplyOnce(salon: AutoReplySalon, customerId: string, messageSid: string, now: Date): Promise<boolean> {
  return withSalonTransaction(salon.id, async (tx) => {
    // Two texts arriving together must not both see "no recent auto-reply": decide one at a time.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('auto-reply'), hashtext(${customerId}))`;
    const last = await tx.notification.findFirst({
      where: { salonId: salon.id, customerId, kind: "AUTO_REPLY" },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    if (last && last.createdAt.getTime() > now.getTime() - AUTO_REPLY_WINDOW_MS) return false;
    // sendSms commits on its own connection before the lock is released, so the next waiter sees it.
    await sendSms({
      salonId: salon.id,
      kind: "AUTO_REPLY",
      body: autoReplyBody(salon, now),
      to: { customerId },
      idempotencyKey: autoReplyKey(messageSid),
    });
    return true;
  });
}
