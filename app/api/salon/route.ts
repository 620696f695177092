// GET /api/salon — the caller's salon profile (any role). PATCH — update it (owners).
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { getSalonById, updateSalonProfile } from "@/lib/salons/queries";
import { updateSalonProfileSchema } from "@/lib/validations/salon";

export const GET = withSalon(async (_req, { salonId }) =>
  NextResponse.json({ data: await getSalonById(salonId) }),
);

export const PATCH = withSalon(
  async (req, { salonId, log }) => {
    const input = await parseJsonBody(req, updateSalonProfileSchema);
    const salon = await updateSalonProfile(salonId, input);
    log.info({ fields: Object.keys(input) }, "salon profile updated");
    return NextResponse.json({ data: salon });
  },
  { roles: ["OWNER"] },
);
