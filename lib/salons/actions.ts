"use server";
// Settings pages' saves (owners only, via salonAction): the salon's profile, Settings → Messaging
// (reminder offsets, quiet hours, automatic confirmations, monthly limit) and Settings → Phone & hours
// (greeting, auto-reply, booking instructions, weekly hours, forwarding phone).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { salonAction } from "@/lib/api/salon-action";
import { normalizePhone } from "@/lib/phone";
import { updateSalonProfile } from "@/lib/salons/queries";
import { updateMessagingSettings } from "@/lib/salons/update-messaging-settings";
import { updatePhoneSettings } from "@/lib/salons/update-phone-settings";
import { updateMessagingSettingsSchema } from "@/lib/validations/messaging-settings";
import { phoneSettingsFormSchema } from "@/lib/validations/phone-settings";
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

export const updateMessagingSettingsAction = salonAction(
  updateMessagingSettingsSchema,
  async (input, ctx) => {
    await updateMessagingSettings(ctx.salonId, input);
    revalidatePath("/settings/messaging");
    return { ok: true, message: "Messaging settings saved." };
  },
  OWNERS,
);

export const updatePhoneSettingsAction = salonAction(
  phoneSettingsFormSchema,
  async (input, ctx) => {
    await updatePhoneSettings(ctx.salonId, input);
    // Every settings page reads the salon's row; refresh them all rather than track which shows what.
    revalidatePath("/settings", "layout");
    return { ok: true, message: "Phone settings saved." };
  },
  OWNERS,
);
