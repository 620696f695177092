"use server";
// The dashboard checklist's poll: which steps are done now, so the page refreshes when the number
// arrives (no manual reload). A server action, not an API route: it must not spend the API's rate limit.
import { z } from "zod";
import { salonAction } from "@/lib/api/salon-action";
import { checklistKey, getOnboardingChecklist } from "@/lib/onboarding/get-onboarding-checklist";

export const pollOnboardingAction = salonAction(z.object({}), async (_input, ctx) => {
  const checklist = await getOnboardingChecklist(ctx.salonId);
  return { ok: true, data: { key: checklistKey(checklist), numberPending: checklist.numberPending } };
});
