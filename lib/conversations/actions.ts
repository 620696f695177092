"use server";
// Messages: staff reply to a customer through the normal sending path, and mark a conversation read
// when they open it (any signed-in member of the salon, via salonAction).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { salonAction } from "@/lib/api/salon-action";
import { markConversationRead } from "@/lib/conversations/mark-conversation-read";
import { replyToCustomer } from "@/lib/conversations/reply-to-customer";
import { formatTime } from "@/lib/format";
import { isInQuietHours, nextSendableTime } from "@/lib/messaging/quiet-hours";
import { getSalonById } from "@/lib/salons/queries";
import { realTimeOf, salonClockTime } from "@/lib/time/clock";
import { replyToCustomerSchema } from "@/lib/validations/conversations";

const customerIdSchema = z.string().min(1).max(64);

// The API's reply schema plus which conversation (the API takes it from the URL) and a key made when
// the draft starts, so a double click or a retried post sends the text once.
const replyFormSchema = replyToCustomerSchema.extend({
  customerId: customerIdSchema,
  draftId: z.union([z.uuid(), z.literal("")]).optional(),
});

export const replyToCustomerAction = salonAction(
  replyFormSchema,
  async ({ customerId, body, draftId }, ctx) => {
    const text = await replyToCustomer(ctx.salonId, customerId, body, ctx.userId, {
      idempotencyKey: draftId ? `inbox-reply:${draftId}` : undefined,
    });
    revalidatePath("/messages", "layout");
    if (text.status === "CANCELED")
      return { ok: false, error: text.failureReason ?? "This text was not sent." };
    // The sender holds texts during quiet hours; say so now rather than let "sent" mislead until morning.
    const salon = await getSalonById(ctx.salonId);
    const now = salonClockTime(new Date());
    if (isInQuietHours(now, salon)) {
      const at = formatTime(realTimeOf(nextSendableTime(now, salon)), salon.timeZone);
      return { ok: true, message: `Reply queued — it goes out at ${at}, after quiet hours.` };
    }
    return { ok: true, message: "Reply sent." };
  },
);

export const markConversationReadAction = salonAction(
  z.object({ customerId: customerIdSchema }),
  async ({ customerId }, ctx) => {
    const { markedRead } = await markConversationRead(ctx.salonId, customerId);
    return { ok: true, data: { markedRead } };
  },
);
