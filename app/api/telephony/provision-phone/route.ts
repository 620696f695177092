// POST /api/telephony/provision-phone — owners only: buy the salon's number now (or retry a pending
// purchase), optionally in a preferred area code. 202 with the state; a purchase already under way is
// joined, never repeated (lib/phone-numbers/request-number.ts). 409 when the salon has a number or no
// subscription, 422 for a malformed area code.
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { getNumberStatus } from "@/lib/phone-numbers/get-number-status";
import { requestNumberForOwner } from "@/lib/phone-numbers/request-number";
import { systemClock } from "@/lib/time/clock";
import { provisionPhoneSchema } from "@/lib/validations/phone-numbers";

export const POST = withSalon(
  async (req, { salonId, userId, apiKeyId }) => {
    const input = await parseJsonBody(req, provisionPhoneSchema);
    await requestNumberForOwner(salonId, {
      now: systemClock(),
      preferredAreaCode: input.areaCode ?? null,
      actor: { userId, apiKeyId },
    });
    return NextResponse.json({ data: await getNumberStatus(salonId, { withTwilio: false }) }, { status: 202 });
  },
  { roles: ["OWNER"] },
);
