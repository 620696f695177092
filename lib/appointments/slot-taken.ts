// The database refuses a second live booking of a stylist's time (the exclusion constraint
// "appointments_no_double_booking", SQLSTATE 23P01). This turns that refusal into the 409 staff and API
// clients read: who is booked and when, in the salon's time zone ("Ana is already booked 2:00–3:00 PM
// on Tue, Dec 15."). The clash is looked up after the failed transaction, so the message names the
// booking that won the race.
import { format } from "date-fns";
import { ApiError } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import { inZone } from "@/lib/time/zoned";

const CONSTRAINT = "appointments_no_double_booking";

/** Whether `err` (a Prisma error through the pg adapter, or pg's own) is that constraint's refusal. */
export function isDoubleBooking(err: unknown, depth = 0): boolean {
  if (depth > 5 || typeof err !== "object" || err === null) return false;
  const e = err as { code?: unknown; message?: unknown; meta?: unknown; cause?: unknown };
  if (e.code === "23P01") return true;
  const cause = (e.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined)
    ?.driverAdapterError?.cause;
  if (cause?.originalCode === "23P01") return true;
  if (typeof e.message === "string" && e.message.includes(CONSTRAINT)) return true;
  return isDoubleBooking(e.cause, depth + 1);
}

/** "2:00–3:00 PM", or "11:30 AM–12:30 PM" across noon. */
function formatTimeRange(startsAt: Date, endsAt: Date, timeZone: string): string {
  const from = inZone(startsAt, timeZone);
  const to = inZone(endsAt, timeZone);
  const sameHalf = format(from, "a") === format(to, "a");
  return `${format(from, sameHalf ? "h:mm" : "h:mm a")}–${format(to, "h:mm a")}`;
}

export type SlotWanted = { employeeId: string; startsAt: Date; endsAt: Date; appointmentId?: string };

/** The 409 for a booking or move that collided with `wanted.employeeId`'s existing booking. */
export async function slotTakenError(salonId: string, wanted: SlotWanted): Promise<ApiError> {
  const client = salonDb(salonId);
  const [salon, clash] = await Promise.all([
    client.salon.findFirst({ where: { id: salonId }, select: { timeZone: true } }),
    client.appointment.findFirst({
      where: {
        salonId,
        employeeId: wanted.employeeId,
        status: { in: ["BOOKED", "CONFIRMED"] },
        startsAt: { lt: wanted.endsAt },
        endsAt: { gt: wanted.startsAt },
        ...(wanted.appointmentId ? { id: { not: wanted.appointmentId } } : {}),
      },
      orderBy: { startsAt: "asc" },
      select: { id: true, startsAt: true, endsAt: true, employee: { select: { name: true } } },
    }),
  ]);
  const timeZone = salon?.timeZone ?? "UTC";
  // The winner may have been cancelled since; the refusal still stands for the request that lost.
  const message = clash
    ? `${clash.employee?.name ?? "This stylist"} is already booked ${formatTimeRange(clash.startsAt, clash.endsAt, timeZone)} on ${format(inZone(clash.startsAt, timeZone), "EEE, MMM d")}. Choose another time or stylist.`
    : "This stylist was just booked at that time. Choose another time or stylist.";
  return new ApiError({
    code: "slot_taken",
    status: 409,
    message,
    details: clash
      ? {
          appointmentId: clash.id,
          startsAt: clash.startsAt.toISOString(),
          endsAt: clash.endsAt.toISOString(),
        }
      : undefined,
  });
}
