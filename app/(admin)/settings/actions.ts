"use server";
// Settings mutations from the admin UI: salon profile and API keys, owners only, via salonAction.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { salonAction } from "@/lib/actions/salon-action";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { normalizePhone } from "@/lib/phone";
import { updateSalonProfile } from "@/lib/salons/queries";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/validations/api-keys";
import { updateSalonProfileSchema } from "@/lib/validations/salon";

const OWNERS = { roles: ["OWNER" as const] };

// Same parsing as the API schema, but blank-with-spaces clears the field and the error speaks in the
// US format owners type here ("(415) 555-0199") rather than the API's international example.
const formPhone = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (!value) return null;
    const e164 = normalizePhone(value);
    if (!e164) ctx.addIssue({ code: "custom", message: "Enter a valid phone number, like (415) 555-0123." });
    return e164 ?? z.NEVER;
  })
  .optional();

// The forwarding phone is edited under Phone & hours only; PATCH /api/salon still accepts it.
const salonProfileFormSchema = updateSalonProfileSchema.omit({ forwardingPhone: true }).extend({ phone: formPhone });

export const updateSalonProfileAction = salonAction(
  salonProfileFormSchema,
  async (input, ctx) => {
    await updateSalonProfile(ctx.salonId, input);
    // The top bar on every admin page shows the salon's name.
    revalidatePath("/", "layout");
    return { ok: true, message: "Settings saved." };
  },
  OWNERS,
);

export const createApiKeyAction = salonAction(
  createApiKeySchema,
  async (input, ctx) => {
    const { plaintextKey, apiKey } = await createApiKey(ctx.salonId, {
      ...input,
      createdByUserId: ctx.userId,
    });
    revalidatePath("/settings/api-keys");
    // The only time the plaintext leaves the server; the dialog shows it once.
    return { ok: true, message: `Key “${apiKey.name}” created.`, data: { plaintextKey, name: apiKey.name } };
  },
  OWNERS,
);

export const revokeApiKeyAction = salonAction(
  revokeApiKeySchema,
  async ({ id }, ctx) => {
    await revokeApiKey(ctx.salonId, id);
    revalidatePath("/settings/api-keys");
    return { ok: true, message: "Key revoked. Apps using it can no longer connect." };
  },
  OWNERS,
);
