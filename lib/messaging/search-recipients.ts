// Who a "Send text" can go to: the salon's customers and active employees, found by name or by any
// 3+ digits of their number. Opted-out customers are returned (marked) so the form can say why not.
import { salonDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type RecipientOption = {
  kind: "customer" | "employee";
  id: string;
  name: string | null;
  phone: string | null;
  /** Customer replied STOP: texts to them are cancelled, so the picker doesn't offer them. */
  optedOut: boolean;
  /** No text has gone to this customer yet: the first carries "Reply STOP to opt out." */
  firstText: boolean;
};

function nameOrPhone(
  q: string,
): { name?: { contains: string; mode: "insensitive" }; phone?: { contains: string } }[] {
  const digits = q.replace(/\D/g, "");
  return [
    { name: { contains: q, mode: "insensitive" } },
    ...(digits.length >= 3 ? [{ phone: { contains: digits } }] : []),
  ];
}

/** Up to `limit` customers then up to 4 employees; with no query, recently active customers first. */
export async function searchRecipients(
  salonId: string,
  query: string,
  limit = 8,
): Promise<RecipientOption[]> {
  const q = query.trim();
  const scoped = salonDb(salonId);
  // A record merged into another is only a pointer to it (lib/customers/merge-customers.ts).
  const customerWhere: Prisma.CustomerWhereInput = { salonId, mergedIntoId: null, ...(q ? { OR: nameOrPhone(q) } : {}) };
  const employeeWhere: Prisma.EmployeeWhereInput = {
    salonId,
    active: true,
    ...(q ? { OR: nameOrPhone(q) } : {}),
  };
  const [customers, employees] = await Promise.all([
    scoped.customer.findMany({
      where: customerWhere,
      select: { id: true, name: true, phone: true, smsConsent: true, firstTextedAt: true },
      orderBy: q
        ? [{ name: { sort: "asc", nulls: "last" } }, { id: "asc" }]
        : [{ lastMessageAt: { sort: "desc", nulls: "last" } }, { name: "asc" }],
      take: limit,
    }),
    scoped.employee.findMany({
      where: employeeWhere,
      select: { id: true, name: true, phone: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 4,
    }),
  ]);
  return [
    ...customers.map((c) => ({
      kind: "customer" as const,
      id: c.id,
      name: c.name,
      phone: c.phone,
      optedOut: c.smsConsent === "OPTED_OUT",
      firstText: c.firstTextedAt === null,
    })),
    ...employees.map((e) => ({
      kind: "employee" as const,
      id: e.id,
      name: e.name,
      phone: e.phone,
      optedOut: false,
      firstText: false,
    })),
  ];
}
