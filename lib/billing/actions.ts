"use server";
// Settings → Billing's buttons (owners only): off to Stripe's Checkout or Billing Portal.
import { redirect } from "next/navigation";
import { z } from "zod";
import { salonAction } from "@/lib/api/salon-action";
import { openBillingPortal, startCheckout } from "@/lib/billing/start-checkout";
import { db } from "@/lib/db";

const OWNERS = { roles: ["OWNER" as const] };
const noFields = z.object({}).strict();

export const startCheckoutAction = salonAction(
  noFields,
  async (_input, ctx) => {
    // The user's email lives outside the salon's rows (users are shared across salons).
    const [user, salon] = await Promise.all([
      db.user.findUniqueOrThrow({ where: { id: ctx.userId }, select: { email: true } }),
      ctx.db.salon.findFirstOrThrow({ where: { id: ctx.salonId }, select: { name: true } }),
    ]);
    redirect(await startCheckout(ctx.salonId, { email: user.email, salonName: salon.name }));
  },
  OWNERS,
);

export const openBillingPortalAction = salonAction(
  noFields,
  async (_input, ctx) => {
    redirect(await openBillingPortal(ctx.salonId));
  },
  OWNERS,
);
