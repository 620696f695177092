// GET /api/telephony/notifications/[id] — one notification with its status history; 404 for another salon's.
import { NextResponse } from "next/server";
import { withSalon } from "@/lib/api/with-salon";
import { getNotificationById } from "@/lib/notifications/queries";
import { idParamsSchema } from "@/lib/validations/params";

export const GET = withSalon<{ id: string }>(async (_req, { salonId, params }) => {
  const { id } = idParamsSchema.parse(await params);
  return NextResponse.json({ data: await getNotificationById(salonId, id) });
});
