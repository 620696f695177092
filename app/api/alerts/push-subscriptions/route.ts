// POST /api/alerts/push-subscriptions — this browser's Web Push subscription (PushSubscription.toJSON())
// for the signed-in member's alerts; DELETE {endpoint} — forget it. Session only.
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { deletePushSubscription, savePushSubscription } from "@/lib/alerts/push-subscriptions";
import { deletePushSubscriptionSchema, pushSubscriptionSchema } from "@/lib/validations/alerts";

export const POST = withSalon(async (req, { salonId, userId }) => {
  const input = await parseJsonBody(req, pushSubscriptionSchema);
  return NextResponse.json(await savePushSubscription({ salonId, userId }, input), { status: 201 });
});

export const DELETE = withSalon(async (req, { salonId, userId }) => {
  const { endpoint } = await parseJsonBody(req, deletePushSubscriptionSchema);
  return NextResponse.json({ deleted: await deletePushSubscription({ salonId, userId }, endpoint) });
});
