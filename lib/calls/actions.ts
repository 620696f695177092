"use server";
// A call's page: staff and owners keep notes on a call ("called back, booked Friday") and mark its
// follow-up handled (or reopen it).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { salonAction } from "@/lib/api/salon-action";
import { updateCallFollowUp } from "@/lib/calls/update-call-follow-up";
import { updateCallNotes } from "@/lib/calls/update-call-notes";
import { systemClock } from "@/lib/time/clock";
import { updateCallFollowUpSchema, updateCallNotesSchema } from "@/lib/validations/calls";

// The API's notes schema plus which call (the API takes that from the URL).
const callNotesFormSchema = updateCallNotesSchema.extend({ callId: z.string().min(1).max(64) });

export const updateCallNotesAction = salonAction(callNotesFormSchema, async ({ callId, notes }, ctx) => {
  const call = await updateCallNotes(ctx.salonId, callId, { notes });
  revalidatePath(`/calls/${callId}`);
  revalidatePath("/calls");
  return { ok: true, message: call.notes ? "Notes saved." : "Notes cleared." };
});

const callFollowUpFormSchema = updateCallFollowUpSchema.extend({ callId: z.string().min(1).max(64) });

export const updateCallFollowUpAction = salonAction(callFollowUpFormSchema, async ({ callId, followUp }, ctx) => {
  await updateCallFollowUp(ctx.salonId, callId, { followUp }, { userId: ctx.userId }, systemClock());
  revalidatePath(`/calls/${callId}`);
  revalidatePath("/calls");
  return { ok: true, message: followUp === "HANDLED" ? "Marked as followed up." : "Reopened: it needs follow-up again." };
});
