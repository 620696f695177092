"use server";
// Settings → Phone number's buttons (owners only, via salonAction): "Get my number" / retry, with an
// optional area code, and "Re-apply webhook settings".
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { salonAction } from "@/lib/api/salon-action";
import { reapplyWebhooks } from "@/lib/phone-numbers/reapply-webhooks";
import { requestNumberForOwner } from "@/lib/phone-numbers/request-number";
import { systemClock } from "@/lib/time/clock";
import { provisionPhoneSchema } from "@/lib/validations/phone-numbers";

const OWNERS = { roles: ["OWNER" as const] };

export const provisionNumberAction = salonAction(
  provisionPhoneSchema,
  async (input, ctx) => {
    await requestNumberForOwner(ctx.salonId, {
      now: systemClock(),
      preferredAreaCode: input.areaCode ?? null,
      actor: { userId: ctx.userId },
    });
    revalidatePath("/settings/phone");
    return { ok: true, message: "Bolt is getting your number; it appears here in a moment." };
  },
  OWNERS,
);

export const reapplyWebhooksAction = salonAction(
  z.object({}),
  async (_input, ctx) => {
    await reapplyWebhooks(ctx.salonId, { userId: ctx.userId });
    revalidatePath("/settings/phone");
    return { ok: true, message: "Webhook settings re-applied." };
  },
  OWNERS,
);
