// A salon's time zone, for list filters given as calendar days. One plain statement through querySalon:
// the API lists that need it skip Prisma (lib/calls/list-call-logs.ts).
import { notFound } from "@/lib/api/errors";
import { querySalon } from "@/lib/db";

export async function salonTimeZoneOf(salonId: string): Promise<string> {
  const [salon] = await querySalon<{ timeZone: string }>(salonId, {
    text: `SELECT "timeZone" FROM "salons" WHERE "id" = $1`,
    values: [salonId],
  });
  if (!salon) throw notFound("Salon");
  return salon.timeZone;
}
