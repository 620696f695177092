// GET /api/services/[id] — one service with the employees who perform it. PATCH — change the fields
// given (owners only); the receptionist reads the new price on the next call. DELETE — removes a service
// never booked, else deactivates it; the response's `outcome` says which.
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { removeService, updateService } from "@/lib/services/mutations";
import { getServiceById } from "@/lib/services/queries";
import { updateServiceSchema } from "@/lib/validations/services";
import { idParamsSchema } from "@/lib/validations/params";

export const GET = withSalon<{ id: string }>(async (_req, { salonId, params }) => {
  const { id } = idParamsSchema.parse(await params);
  return NextResponse.json({ data: await getServiceById(salonId, id) });
});

export const PATCH = withSalon<{ id: string }>(
  async (req, { salonId, params }) => {
    const { id } = idParamsSchema.parse(await params);
    const input = await parseJsonBody(req, updateServiceSchema);
    return NextResponse.json({ data: await updateService(salonId, id, input) });
  },
  { roles: ["OWNER"] },
);

export const DELETE = withSalon<{ id: string }>(
  async (_req, { salonId, params }) => {
    const { id } = idParamsSchema.parse(await params);
    return NextResponse.json({ data: await removeService(salonId, id) });
  },
  { roles: ["OWNER"] },
);
