// GET /api/employees — the salon's employees, newest first (cursor pages; q searches name, email, phone;
// active filters). POST — add one (owners only); working hours default to the salon's opening hours.
import { NextResponse } from "next/server";
import { parseJsonBody, parseSearchParams } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { createEmployee } from "@/lib/employees/mutations";
import { listEmployees } from "@/lib/employees/queries";
import { createEmployeeSchema, listEmployeesQuerySchema } from "@/lib/validations/employees";

export const GET = withSalon(async (req, { salonId }) => {
  return NextResponse.json(await listEmployees(salonId, parseSearchParams(req, listEmployeesQuerySchema)));
});

export const POST = withSalon(
  async (req, { salonId }) => {
    const input = await parseJsonBody(req, createEmployeeSchema);
    return NextResponse.json({ data: await createEmployee(salonId, input) }, { status: 201 });
  },
  { roles: ["OWNER"] },
);
