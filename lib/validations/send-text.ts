// The admin "Send text" form: one `to` field from the recipient picker ("customer:<id>",
// "employee:<id>" or "phone:<what was typed>") and the message. Same body rules as the API.
import { z } from "zod";
import { smsBodySchema, type SmsRecipient } from "@/lib/validations/messaging";
import { PHONE_ERROR } from "@/lib/validations/phone";
import { normalizePhone } from "@/lib/phone";

export const CHOOSE_RECIPIENT =
  "Choose who to text: search for a customer or employee, or type a mobile number.";

export const sendTextFormSchema = z
  .object({
    to: z
      .string({ error: CHOOSE_RECIPIENT })
      .trim()
      .min(1, CHOOSE_RECIPIENT)
      .transform((value, ctx): SmsRecipient => {
        const [kind, ...rest] = value.split(":");
        const ref = rest.join(":").trim();
        if (kind === "customer" && ref) return { customerId: ref };
        if (kind === "employee" && ref) return { employeeId: ref };
        const phone = kind === "phone" ? normalizePhone(ref) : null;
        if (phone) return { phone };
        ctx.addIssue({ code: "custom", message: kind === "phone" ? PHONE_ERROR : CHOOSE_RECIPIENT });
        return z.NEVER;
      }),
    body: smsBodySchema,
    /** How the picker showed the recipient ("Ava Martinez"); only echoed back in the confirmation. */
    toLabel: z.string().trim().max(120).optional().catch(undefined),
  })
  .strict();

/** The recipient search box (server action argument). */
export const recipientSearchSchema = z.string().trim().max(100).catch("");
