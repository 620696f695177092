// DELETE /api/waitlist/[id] — takes a customer off the waitlist (REMOVED); an offer of theirs still out
// can no longer be taken. 404 for an entry not waiting any more.
import { NextResponse } from "next/server";
import { withSalon } from "@/lib/api/with-salon";
import { idParamsSchema } from "@/lib/validations/params";
import { removeWaitlistEntry } from "@/lib/waitlist/list-waitlist";

export const DELETE = withSalon<{ id: string }>(async (_req, { salonId, params }) => {
  const { id } = idParamsSchema.parse(await params);
  return NextResponse.json({ data: await removeWaitlistEntry(salonId, id, new Date()) });
});
