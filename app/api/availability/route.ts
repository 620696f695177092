// GET /api/availability?serviceId&employeeId?&from&to — free start times for a service: each active
// stylist who performs it, their working hours minus time off minus other appointments, never the past.
import { NextResponse } from "next/server";
import { parseSearchParams } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { findFreeSlots } from "@/lib/availability/find-free-slots";
import { systemClock } from "@/lib/time/clock";
import { availabilityQuerySchema } from "@/lib/validations/availability";

export const GET = withSalon(async (req, { salonId }) => {
  const query = parseSearchParams(req, availabilityQuerySchema);
  return NextResponse.json({ data: await findFreeSlots(salonId, { ...query, now: systemClock() }) });
});
