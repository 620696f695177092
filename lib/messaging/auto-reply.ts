// The salon's auto-reply to a text that isn't a keyword: its own words (or a default) plus today's
// hours, at most once per conversation every 12 hours — the first text of a conversation gets it,
// the rest of the back-and-forth doesn't — and never while staff are texting with the customer. The
// message itself waits for staff.
import { STAFF_TEXT_KIND } from "@/lib/conversations/conversation-activity";
import { db } from "@/lib/db";
import type { Language } from "@/lib/i18n/language";
import { textTemplates } from "@/lib/i18n/text-templates";
import type { NotificationStatus } from "@/lib/generated/prisma/client";
import { sendSms } from "@/lib/messaging/send-sms";
import { configuredBusinessHours, describeOpenStatus } from "@/lib/salons/business-hours";
import type { SpecialDay } from "@/lib/salons/special-days";
import { loadSpecialDays } from "@/lib/salons/special-days-queries";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import { salonClockTime } from "@/lib/time/clock";

export const AUTO_REPLY_WINDOW_MS = 12 * 60 * 60 * 1000;
export const DEFAULT_AUTO_REPLY = textTemplates("en").defaultAutoReply;

type AutoReplySalon = Pick<WebhookSalon, "id" | "autoReply" | "businessHours" | "timeZone"> & { autoReplyEs?: string | null };

export type AutoReplyResult = "sent" | "recently_sent" | "staff_conversation";

// A staff text that never reached the customer doesn't make a conversation.
const NOT_DELIVERED: NotificationStatus[] = ["CANCELED", "FAILED", "UNDELIVERED"];

/**
 * "Thanks for your text! … We're open today until 7 PM." — hours left out when the salon hasn't set any;
 * a closure today says so ("We're closed today for Christmas Day; we open tomorrow at 9 AM."). A
 * Spanish-speaking customer gets the owner's Spanish auto-reply (or Bolt's Spanish default) and the
 * hours line in Spanish.
 */
export function autoReplyBody(
  salon: AutoReplySalon,
  now: Date,
  language: Language = "en",
  specialDays: readonly SpecialDay[] = [],
): string {
  const text = language === "es" ? salon.autoReplyEs?.trim() || textTemplates("es").defaultAutoReply : salon.autoReply?.trim() || DEFAULT_AUTO_REPLY;
  const hours = configuredBusinessHours(salon.businessHours);
  return hours ? `${text} ${describeOpenStatus(hours, salon.timeZone, now, { specialDays, channel: "text", language })}` : text;
}

/**
 * The claim on "the next auto-reply after `previousId`": the (salon, idempotency key) unique index lets
 * exactly one text follow a given auto-reply, so two texts arriving together — or the same text
 * delivered twice, or retried after a crash — queue one reply, decided by one INSERT. No lock is held
 * across sendSms (it commits on its own connection), so no transaction can time out around it.
 */
export function autoReplyKey(customerId: string, previousId: string | null): string {
  return `auto-reply:${customerId}:after:${previousId ?? "none"}`;
}

/** Sends the auto-reply unless the customer got one in the last 12 hours or staff texted them in that time. */
export async function sendAutoReplyOnce(
  salon: AutoReplySalon,
  customerId: string,
  now: Date,
  language: Language = "en",
): Promise<AutoReplyResult> {
  const since = new Date(now.getTime() - AUTO_REPLY_WINDOW_MS);
  const [previous, staffText] = await Promise.all([
    db.notification.findFirst({
      where: { salonId: salon.id, customerId, kind: "AUTO_REPLY" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, createdAt: true },
    }),
    db.notification.findFirst({
      where: {
        salonId: salon.id,
        customerId,
        kind: STAFF_TEXT_KIND,
        createdAt: { gt: since },
        status: { notIn: NOT_DELIVERED },
      },
      select: { id: true },
    }),
  ]);
  if (staffText) return "staff_conversation";
  if (previous && previous.createdAt > since) return "recently_sent";
  const at = salonClockTime(now);
  await sendSms({
    salonId: salon.id,
    kind: "AUTO_REPLY",
    body: autoReplyBody(salon, at, language, await loadSpecialDays(salon.id, salon.timeZone, at)),
    to: { customerId },
    idempotencyKey: autoReplyKey(customerId, previous?.id ?? null),
  });
  return "sent";
}
