"use server";
// Settings → Messaging: reminder offsets, quiet hours, automatic confirmations, monthly limit (owners only).
import { revalidatePath } from "next/cache";
import { salonAction } from "@/lib/actions/salon-action";
import { updateMessagingSettings } from "@/lib/salons/update-messaging-settings";
import { updateMessagingSettingsSchema } from "@/lib/validations/messaging-settings";

export const updateMessagingSettingsAction = salonAction(
  updateMessagingSettingsSchema,
  async (input, ctx) => {
    await updateMessagingSettings(ctx.salonId, input);
    revalidatePath("/settings/messaging");
    return { ok: true, message: "Messaging settings saved." };
  },
  { roles: ["OWNER"] },
);
