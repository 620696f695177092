// GET /api/employees/[id] — one employee with hours, services and time off. PATCH — change the fields
// given (owners only). DELETE — removes an employee never booked, else deactivates them; the response's
// `outcome` says which.
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { removeEmployee, updateEmployee } from "@/lib/employees/mutations";
import { getEmployeeById } from "@/lib/employees/queries";
import { updateEmployeeSchema } from "@/lib/validations/employees";
import { idParamsSchema } from "@/lib/validations/params";

export const GET = withSalon<{ id: string }>(async (_req, { salonId, params }) => {
  const { id } = idParamsSchema.parse(await params);
  return NextResponse.json({ data: await getEmployeeById(salonId, id) });
});

export const PATCH = withSalon<{ id: string }>(
  async (req, { salonId, params }) => {
    const { id } = idParamsSchema.parse(await params);
    const input = await parseJsonBody(req, updateEmployeeSchema);
    return NextResponse.json({ data: await updateEmployee(salonId, id, input) });
  },
  { roles: ["OWNER"] },
);

export const DELETE = withSalon<{ id: string }>(
  async (_req, { salonId, params }) => {
    const { id } = idParamsSchema.parse(await params);
    return NextResponse.json({ data: await removeEmployee(salonId, id) });
  },
  { roles: ["OWNER"] },
);
