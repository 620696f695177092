// GET /api/waitlist — customers waiting for a time, oldest first (the order freed slots are offered in);
// `status` filters (default: WAITING,OFFERED); entries whose window has passed read as EXPIRED. Cursor pages.
import { NextResponse } from "next/server";
import { parseSearchParams } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { listWaitlistQuerySchema } from "@/lib/validations/waitlist";
import { listWaitlist } from "@/lib/waitlist/list-waitlist";

export const GET = withSalon(async (req, { salonId }) => {
  return NextResponse.json(await listWaitlist(salonId, parseSearchParams(req, listWaitlistQuerySchema), new Date()));
});
