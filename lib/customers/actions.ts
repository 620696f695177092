"use server";
// The Customers pages' forms: add, edit, notes, delete and merge, each one call into lib/customers/ through
// salonAction (staff and owners alike manage customers). A taken number comes back on the phone field, with
// the customer who has it, so the form can link to them.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { salonAction, type ActionResult } from "@/lib/api/salon-action";
import { mergeCustomers } from "@/lib/customers/merge-customers";
import { createCustomer, deleteCustomer, updateCustomer } from "@/lib/customers/save-customer";
import { salonDb } from "@/lib/db";
import { normalizePhone } from "@/lib/phone";
import { createCustomerSchema, customerNotesSchema, updateCustomerSchema } from "@/lib/validations/customers";
import { resourceIdSchema } from "@/lib/validations/params";

/** A duplicate number as a field error; `existingCustomerId` carries who has it (not a field: the form links to them). */
function duplicateResult(err: unknown): ActionResult<never> | null {
  if (!(err instanceof ApiError) || err.code !== "customer_exists") return null;
  const details = err.details as { customerId?: string } | undefined;
  return { ok: false, error: err.message, fieldErrors: { phone: [err.message], ...(details?.customerId ? { existingCustomerId: [details.customerId] } : {}) } };
}

/** Saves, then opens the customer's page; a taken number is answered on the form instead. */
async function saveThenOpen(save: () => Promise<{ id: string }>, flag: "added" | "saved"): Promise<ActionResult<never>> {
  let id: string;
  try {
    id = (await save()).id;
  } catch (err) {
    const duplicate = duplicateResult(err);
    if (duplicate) return duplicate;
    throw err;
  }
  revalidatePath("/customers");
  redirect(`/customers/${id}?${flag}=1`);
}

export const createCustomerAction = salonAction(createCustomerSchema, (input, ctx) => saveThenOpen(() => createCustomer(ctx.salonId, input), "added"));

export const updateCustomerAction = salonAction(updateCustomerSchema.extend({ customerId: resourceIdSchema }), ({ customerId, ...input }, ctx) =>
  saveThenOpen(() => updateCustomer(ctx.salonId, customerId, input, new Date()), "saved"),
);

export const updateCustomerNotesAction = salonAction(customerNotesSchema.extend({ customerId: resourceIdSchema }), async ({ customerId, notes }, ctx) => {
  await updateCustomer(ctx.salonId, customerId, { notes }, new Date());
  revalidatePath(`/customers/${customerId}`);
  return { ok: true, message: notes ? "Notes saved." : "Notes cleared." };
});

export const deleteCustomerAction = salonAction(z.object({ customerId: resourceIdSchema }), async ({ customerId }, ctx) => {
  await deleteCustomer(ctx.salonId, customerId);
  revalidatePath("/customers");
  redirect("/customers?deleted=1");
});

const mergeFormSchema = z.object({
  customerId: resourceIdSchema,
  phone: z.string().trim().min(1, "Enter the other record's phone number.").max(64),
});

/** The other record is named by its phone number (what staff see on the duplicate), then merged into this one. */
export const mergeCustomerAction = salonAction(mergeFormSchema, async ({ customerId, phone }, ctx) => {
  const e164 = normalizePhone(phone);
  if (!e164) return { ok: false, error: "Enter a valid phone number.", fieldErrors: { phone: ["Enter a valid phone number."] } };
  const other = await salonDb(ctx.salonId).customer.findFirst({ where: { salonId: ctx.salonId, phone: e164 }, select: { id: true, mergedIntoId: true } });
  const otherId = other ? (other.mergedIntoId ?? other.id) : null;
  if (!otherId || otherId === customerId) {
    const message = otherId ? "That number is already this customer's." : "No other customer has that number.";
    return { ok: false, error: message, fieldErrors: { phone: [message] } };
  }
  await mergeCustomers(ctx.salonId, customerId, otherId, { now: new Date(), actor: { userId: ctx.userId } });
  revalidatePath("/customers");
  revalidatePath(`/customers/${customerId}`);
  return { ok: true, message: "Records merged: their history is now on this customer." };
});
