// GET /api/salon/special-days — the salon's closures and holiday hours from today on (any role).
// POST — add one, or replace what that date had (owners): { date, closed, periods, label }.
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { listSpecialDays, saveSpecialDay } from "@/lib/salons/special-days-queries";
import { salonClockTime } from "@/lib/time/clock";
import { saveSpecialDaySchema } from "@/lib/validations/special-days";

export const GET = withSalon(async (_req, { salonId }) =>
  NextResponse.json({ data: await listSpecialDays(salonId, salonClockTime(new Date())) }),
);

export const POST = withSalon(
  async (req, { salonId, log }) => {
    const input = await parseJsonBody(req, saveSpecialDaySchema);
    const day = await saveSpecialDay(salonId, input, salonClockTime(new Date()));
    log.info({ date: day.date, closed: day.periods.length === 0 }, "special day saved");
    return NextResponse.json({ data: day });
  },
  { roles: ["OWNER"] },
);
