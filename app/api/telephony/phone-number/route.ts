// GET /api/telephony/phone-number — the salon's number (E.164 and national), its state (none, pending
// with the reason, active, releasing on a date) and the webhook settings Twilio holds next to Bolt's.
import { NextResponse } from "next/server";
import { withSalon } from "@/lib/api/with-salon";
import { getNumberStatus } from "@/lib/phone-numbers/get-number-status";

export const GET = withSalon(async (_req, { salonId }) => {
  return NextResponse.json({ data: await getNumberStatus(salonId) });
});
