"use server";
// A call's page: staff and owners keep notes on a call ("called back, booked Friday"). Its follow-up
// controls are lib/follow-ups/actions.ts.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { salonAction } from "@/lib/api/salon-action";
import { updateCallNotes } from "@/lib/calls/update-call-notes";
import { updateCallNotesSchema } from "@/lib/validations/calls";

// The API's notes schema plus which call (the API takes that from the URL).
const callNotesFormSchema = updateCallNotesSchema.extend({ callId: z.string().min(1).max(64) });

export const updateCallNotesAction = salonAction(callNotesFormSchema, async ({ callId, notes }, ctx) => {
  const call = await updateCallNotes(ctx.salonId, callId, { notes });
  revalidatePath(`/calls/${callId}`);
  revalidatePath("/calls");
  return { ok: true, message: call.notes ? "Notes saved." : "Notes cleared." };
});
