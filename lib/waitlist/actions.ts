"use server";
// The Calendar page's Waitlist panel: staff take a customer off the waitlist.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { salonAction } from "@/lib/api/salon-action";
import { resourceIdSchema } from "@/lib/validations/params";
import { removeWaitlistEntry } from "@/lib/waitlist/list-waitlist";

export const removeWaitlistEntryAction = salonAction(z.object({ id: resourceIdSchema }), async ({ id }, ctx) => {
  const entry = await removeWaitlistEntry(ctx.salonId, id, new Date());
  revalidatePath("/appointments");
  return { ok: true, message: `${entry.customer.name ?? "The customer"} is off the waitlist.` };
});
