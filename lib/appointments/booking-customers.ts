// The booking form's customers: a small search (name or phone, a few results) and "new customer" by
// phone, which finds the existing record when the number is already known. The customer list and its
// full search live in lib/customers/; this is only what booking from the calendar needs.
import { ApiError } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { normalizePhone } from "@/lib/phone";

const SEARCH_LIMIT = 6;

export type CustomerMatch = { id: string; name: string | null; phone: string };

export async function searchBookingCustomers(salonId: string, q: string): Promise<CustomerMatch[]> {
  const digits = q.replace(/\D/g, "");
  // "(415) 555-01" finds +1415555 01…: phones are stored in E.164, so search by the digits typed.
  const or: Prisma.CustomerWhereInput[] = [{ name: { contains: q, mode: "insensitive" } }];
  if (digits.length >= 3) or.push({ phone: { contains: digits } });
  return salonDb(salonId).customer.findMany({
    where: { salonId, OR: or },
    select: { id: true, name: true, phone: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: SEARCH_LIMIT,
  });
}

/** The customer with this phone, created (with the name given) if the salon doesn't know the number. */
export async function findOrCreateBookingCustomer(
  salonId: string,
  input: { name?: string; phone: string },
): Promise<CustomerMatch> {
  const phone = normalizePhone(input.phone);
  if (!phone) {
    throw new ApiError({ code: "invalid_phone", status: 422, message: "That phone number doesn't look right." });
  }
  const db = salonDb(salonId);
  const select = { id: true, name: true, phone: true } as const;
  const existing = await db.customer.findFirst({ where: { salonId, phone }, select });
  if (existing) return existing;
  try {
    return await db.customer.create({ data: { salonId, phone, name: input.name || null }, select });
  } catch (err) {
    // Added by someone else a moment ago: theirs is the record.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      return db.customer.findFirstOrThrow({ where: { salonId, phone }, select });
    }
    throw err;
  }
}
