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
    // The salon profile page shows the forwarding phone too.
    revalidatePath("/settings", "layout");
    return { ok: true, message: "Phone settings saved." };
  },
  { roles: ["OWNER"] },
);
