// Reading employees: API pages (newest first, cursor, search) and single rows, always inside one salon.
import { notFound } from "@/lib/api/errors";
import { afterCursor, toCursorPage, type Page } from "@/lib/api/pagination";
import { salonDb } from "@/lib/db";
import { employeeSelect, toEmployeeJson, type EmployeeJson } from "@/lib/employees/employee-json";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListEmployeesQuery } from "@/lib/validations/employees";

export async function listEmployees(salonId: string, query: ListEmployeesQuery): Promise<Page<EmployeeJson>> {
  const { q, active, cursor, limit } = query;
  const digits = q?.replace(/\D/g, "");
  const and: Prisma.EmployeeWhereInput[] = [];
  if (q) {
    and.push({
      OR: [
        { name: { contains: q, mode: "insensitive" } },
        { email: { contains: q, mode: "insensitive" } },
        ...(digits ? [{ phone: { contains: digits } }] : []),
      ],
    });
  }
  if (cursor) and.push(afterCursor(cursor));
  const rows = await salonDb(salonId).employee.findMany({
    where: { salonId, ...(active === undefined ? {} : { active }), AND: and },
    select: employeeSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  return toCursorPage(rows, limit, toEmployeeJson);
}

export async function getEmployeeById(salonId: string, id: string): Promise<EmployeeJson> {
  const row = await salonDb(salonId).employee.findFirst({ where: { salonId, id }, select: employeeSelect });
  if (!row) throw notFound("Employee");
  return toEmployeeJson(row);
}

/** Every employee, active first then by name: the Staff page and the calendar's columns (a salon has a handful). */
export async function listAllEmployees(salonId: string): Promise<EmployeeJson[]> {
  const rows = await salonDb(salonId).employee.findMany({
    where: { salonId },
    select: employeeSelect,
    orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }],
  });
  return rows.map(toEmployeeJson);
}
