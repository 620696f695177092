"use server";
// A call's page: staff and owners keep notes on a call ("called back, booked Friday") and text the
// caller back. Its follow-up controls are lib/follow-ups/actions.ts.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { salonAction } from "@/lib/api/salon-action";
import { textCallerBack } from "@/lib/calls/text-caller-back";
import { updateCallNotes } from "@/lib/calls/update-call-notes";
import { updateCallNotesSchema } from "@/lib/validations/calls";
import { replyToCustomerSchema } from "@/lib/validations/conversations";

// The API's notes schema plus which call (the API takes that from the URL).
const callNotesFormSchema = updateCallNotesSchema.extend({ callId: z.string().min(1).max(64) });

export const updateCallNotesAction = salonAction(callNotesFormSchema, async ({ callId, notes }, ctx) => {
  const call = await updateCallNotes(ctx.salonId, callId, { notes });
  revalidatePath(`/calls/${callId}`);
  revalidatePath("/calls");
  return { ok: true, message: call.notes ? "Notes saved." : "Notes cleared." };
});

// The reply schema plus which call and a key made when the draft starts (a double click sends once).
const textBackFormSchema = replyToCustomerSchema.extend({
  callId: z.string().min(1).max(64),
  draftId: z.union([z.uuid(), z.literal("")]).optional(),
});

/** Texts the caller, then opens their conversation, where the text and its delivery show. */
export const textCallerBackAction = salonAction(textBackFormSchema, async ({ callId, body, draftId }, ctx) => {
  const { customerId, text } = await textCallerBack(ctx.salonId, callId, body, ctx.userId, {
    idempotencyKey: draftId ? `text-back:${draftId}` : undefined,
  });
  if (text.status === "CANCELED") return { ok: false, error: text.failureReason ?? "This text was not sent." };
  revalidatePath(`/calls/${callId}`);
  revalidatePath("/messages", "layout");
  redirect(`/messages/${customerId}`);
});
