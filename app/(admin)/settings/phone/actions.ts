"use server";
// Settings → Phone & hours: greeting, auto-reply, booking instructions, weekly hours and the forwarding
// phone (owners only, via salonAction).
import { revalidatePath } from "next/cache";
import { salonAction } from "@/lib/actions/salon-action";
import { updatePhoneSettings } from "@/lib/salons/update-phone-settings";
import { phoneSettingsFormSchema } from "@/lib/validations/phone-settings";

export const updatePhoneSettingsAction = salonAction(
  phoneSettingsFormSchema,
  async (input, ctx) => {
    await updatePhoneSettings(ctx.salonId, input);
    // Every settings page reads the salon's row; refresh them all rather than track which shows what.
    revalidatePath("/settings", "layout");
    return { ok: true, message: "Phone settings saved." };
  },
  { roles: ["OWNER"] },
);
