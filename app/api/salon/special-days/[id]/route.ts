// DELETE /api/salon/special-days/[id] — remove a closure or holiday hours (owners); that date's weekly hours apply again.
import { NextResponse } from "next/server";
import { withSalon } from "@/lib/api/with-salon";
import { deleteSpecialDay } from "@/lib/salons/special-days-queries";
import { idParamsSchema } from "@/lib/validations/params";

export const DELETE = withSalon<{ id: string }>(
  async (_req, { salonId, params }) => {
    const { id } = idParamsSchema.parse(await params);
    await deleteSpecialDay(salonId, id);
    return NextResponse.json({ data: { id } });
  },
  { roles: ["OWNER"] },
);
