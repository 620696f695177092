// GET /api/services — the salon's services, newest first (cursor pages; q searches name and category;
// active filters). POST — add one (owners only), with the employees who perform it.
import { NextResponse } from "next/server";
import { parseJsonBody, parseSearchParams } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { createService } from "@/lib/services/mutations";
import { listServices } from "@/lib/services/queries";
import { createServiceSchema, listServicesQuerySchema } from "@/lib/validations/services";

export const GET = withSalon(async (req, { salonId }) => {
  return NextResponse.json(await listServices(salonId, parseSearchParams(req, listServicesQuerySchema)));
});

export const POST = withSalon(
  async (req, { salonId }) => {
    const input = await parseJsonBody(req, createServiceSchema);
    return NextResponse.json({ data: await createService(salonId, input) }, { status: 201 });
  },
  { roles: ["OWNER"] },
);
