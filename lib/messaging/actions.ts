"use server";
// "Send text": staff and owners send a custom text through the one sending path (sendSms → queue),
// and search the salon's customers and employees for the recipient picker.
import { revalidatePath } from "next/cache";
import { salonAction } from "@/lib/api/salon-action";
import { requireSessionContext } from "@/lib/auth/session";
import { searchRecipients, type RecipientOption } from "@/lib/messaging/search-recipients";
import { sendSms } from "@/lib/messaging/send-sms";
import { recipientSearchSchema, sendTextFormSchema } from "@/lib/validations/send-text";

export type SendTextResult = { notificationId: string };

export const sendTextAction = salonAction<typeof sendTextFormSchema, SendTextResult>(
  sendTextFormSchema,
  async ({ to, body, toLabel }, ctx) => {
    const notification = await sendSms({
      salonId: ctx.salonId,
      kind: "CUSTOM",
      body,
      to,
      createdByUserId: ctx.userId,
    });
    revalidatePath("/notifications");
    // An opted-out customer's text is recorded as CANCELED rather than sent; say so instead of "queued".
    if (notification.status === "CANCELED") {
      return { ok: false, error: notification.failureReason ?? "This text was not sent." };
    }
    return {
      ok: true,
      message: toLabel ? `Text queued to ${toLabel}` : "Text queued",
      data: { notificationId: notification.id },
    };
  },
);

/** Server-side search for the recipient picker (any signed-in member of the salon). */
export async function searchRecipientsAction(query: string): Promise<RecipientOption[]> {
  const session = await requireSessionContext();
  return searchRecipients(session.salonId, recipientSearchSchema.parse(query));
}
