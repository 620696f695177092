// Reading services: API pages (newest first, cursor, search) and single rows, always inside one salon.
import { notFound } from "@/lib/api/errors";
import { afterCursor, toCursorPage, type Page } from "@/lib/api/pagination";
import { salonDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListServicesQuery } from "@/lib/validations/services";

export const serviceSelect = {
  id: true,
  name: true,
  category: true,
  durationMinutes: true,
  priceCents: true,
  active: true,
  createdAt: true,
  updatedAt: true,
  employees: { select: { employeeId: true }, orderBy: { employeeId: "asc" } },
} as const;

type Row = Prisma.ServiceGetPayload<{ select: typeof serviceSelect }>;
export type ServiceJson = Omit<Row, "employees"> & { employeeIds: string[] };

export const toServiceJson = ({ employees, ...row }: Row): ServiceJson => ({
  ...row,
  employeeIds: employees.map((e) => e.employeeId),
});

export async function listServices(salonId: string, query: ListServicesQuery): Promise<Page<ServiceJson>> {
  const { q, active, cursor, limit } = query;
  const and: Prisma.ServiceWhereInput[] = [];
  if (q) and.push({ OR: [{ name: { contains: q, mode: "insensitive" } }, { category: { contains: q, mode: "insensitive" } }] });
  if (cursor) and.push(afterCursor(cursor));
  const rows = await salonDb(salonId).service.findMany({
    where: { salonId, ...(active === undefined ? {} : { active }), AND: and },
    select: serviceSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  return toCursorPage(rows, limit, toServiceJson);
}

export async function getServiceById(salonId: string, id: string): Promise<ServiceJson> {
  const row = await salonDb(salonId).service.findFirst({ where: { salonId, id }, select: serviceSelect });
  if (!row) throw notFound("Service");
  return toServiceJson(row);
}

/** Every service by category then name: the Services page and the booking form (a salon has dozens). */
export async function listAllServices(salonId: string): Promise<ServiceJson[]> {
  const rows = await salonDb(salonId).service.findMany({
    where: { salonId },
    select: serviceSelect,
    orderBy: [{ category: { sort: "asc", nulls: "last" } }, { name: "asc" }],
  });
  return rows.map(toServiceJson);
}
