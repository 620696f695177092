// The customer list (the Customers page and GET /api/customers): by name A→Z (unnamed customers, the
// numbers that called or texted in, last), keyset-paged, searchable by name, phone or email. Every read
// is an index seek under row-level security: names through searchName/searchLastName (collation "C",
// LEAKPROOF range operators — see the migration 20261211000200), phones and emails by equality. A page
// costs one query for the rows plus two index probes per row for the last and next visit.
import { Prisma, type SmsConsent } from "@/lib/generated/prisma/client";
import { salonDb } from "@/lib/db";
import { normalizePhone } from "@/lib/phone";
import { encodeCustomerCursor, type CustomerCursor } from "@/lib/validations/customers";

export type CustomerListItem = {
  id: string;
  name: string | null;
  phone: string;
  email: string | null;
  smsConsent: SmsConsent;
  optedOutAt: Date | null;
  /** The latest appointment before now that was kept or is still on the books (not cancelled, not a no-show). */
  lastVisitAt: Date | null;
  /** The earliest booked or confirmed appointment from now on. */
  nextAppointmentAt: Date | null;
};

export type CustomerPage = { data: CustomerListItem[]; nextCursor: string | null };

type Row = CustomerListItem & { searchName: string | null };

/** Above every character in collation "C" (UTF-8 bytes F4 8F BF BF): `prefix ≤ x < prefix + TOP` is a prefix match. */
const TOP = "\u{10FFFF}";

export type SearchMode = { kind: "phone"; phone: string } | { kind: "email"; email: string } | { kind: "name"; prefix: string };

/** What a search box's text is: an email, a phone number as people type it, or (the start of) a name. */
export function searchModeOf(q: string): SearchMode {
  const text = q.trim().toLowerCase().replace(/\s+/g, " ");
  if (text.includes("@")) return { kind: "email", email: text };
  const phone = /[a-z]/.test(text) ? null : normalizePhone(text);
  if (phone) return { kind: "phone", phone };
  return { kind: "name", prefix: text };
}

/**
 * A name matches when its first or its last name starts with the prefix. Each half is an ordered index range
 * read only as far as a page (`LIMIT`); the page is the first of the two halves together. As one OR the
 * planner would either sort every match (a common last name) or walk the name index from the top.
 */
function namePrefixIds(salonId: string, prefix: string, after: Prisma.Sql, take: number): Prisma.Sql {
  const hi = prefix + TOP;
  const half = (column: Prisma.Sql, order: Prisma.Sql) => Prisma.sql`
    (SELECT c."id", c."searchName" FROM "customers" c
      WHERE c."salonId" = ${salonId} AND c."mergedIntoId" IS NULL AND ${column} >= ${prefix} AND ${column} < ${hi} ${after}
      ORDER BY ${order}, c."id" LIMIT ${take})`;
  // Last names: sorted as `searchName || ''` (the same order), which no index provides, so the planner reads
  // the last-name range and sorts its matches rather than walking every name in order hoping to meet them.
  return Prisma.sql`AND c."id" = ANY(ARRAY(
    SELECT m."id" FROM (${half(Prisma.sql`c."searchName"`, Prisma.sql`c."searchName"`)} UNION ${half(Prisma.sql`c."searchLastName"`, Prisma.sql`c."searchName" || ''`)}) m
    ORDER BY m."searchName", m."id" LIMIT ${take}))`;
}

function searchCondition(salonId: string, mode: SearchMode | null, after: Prisma.Sql, take: number): Prisma.Sql {
  if (!mode) return after;
  if (mode.kind === "email") return Prisma.sql`AND c."email" = ${mode.email} ${after}`;
  // A merged record's number finds the record it was merged into; (salonId, phone) is unique, so one id.
  if (mode.kind === "phone") {
    return Prisma.sql`AND c."id" = (SELECT COALESCE(p."mergedIntoId", p."id") FROM "customers" p WHERE p."salonId" = ${salonId} AND p."phone" = ${mode.phone}) ${after}`;
  }
  return namePrefixIds(salonId, mode.prefix, after, take);
}

function select(salonId: string, now: Date, where: Prisma.Sql, order: Prisma.Sql, take: number) {
  return salonDb(salonId).$queryRaw<Row[]>`
    SELECT c."id", c."name", c."phone", c."email", c."smsConsent", c."optedOutAt", c."searchName",
      (SELECT max(a."startsAt") FROM "appointments" a
        WHERE a."salonId" = ${salonId} AND a."customerId" = c."id" AND a."startsAt" < ${now}
          AND a."status" IN ('BOOKED', 'CONFIRMED', 'COMPLETED')) AS "lastVisitAt",
      (SELECT min(a."startsAt") FROM "appointments" a
        WHERE a."salonId" = ${salonId} AND a."customerId" = c."id" AND a."startsAt" >= ${now}
          AND a."status" IN ('BOOKED', 'CONFIRMED')) AS "nextAppointmentAt"
    FROM "customers" c
    WHERE c."salonId" = ${salonId} AND c."mergedIntoId" IS NULL ${where}
    ORDER BY ${order}
    LIMIT ${take}`;
}

const BY_NAME = Prisma.sql`c."searchName", c."id"`;
const BY_ID = Prisma.sql`c."id"`;

/**
 * One page after `cursor`. Named customers come first (searchName ascending; a B-tree puts nulls last), then
 * the unnamed by id: from a named cursor that is two seeks — the rest of the names, then the unnamed —
 * because `(name, id) > cursor OR name IS NULL` would not be one index range.
 */
export async function listCustomers(
  salonId: string,
  opts: { q?: string; cursor?: CustomerCursor; limit: number; now: Date },
): Promise<CustomerPage> {
  const mode = opts.q ? searchModeOf(opts.q) : null;
  const take = opts.limit + 1;
  const { cursor } = opts;
  const where = (after: Prisma.Sql, n = take) => searchCondition(salonId, mode, after, n);
  let rows: Row[];
  if (!cursor) {
    rows = await select(salonId, opts.now, where(Prisma.empty), BY_NAME, take);
  } else if (cursor.name === null) {
    rows = await select(salonId, opts.now, where(Prisma.sql`AND c."searchName" IS NULL AND c."id" > ${cursor.id}`), BY_ID, take);
  } else {
    rows = await select(salonId, opts.now, where(Prisma.sql`AND (c."searchName", c."id") > (${cursor.name}, ${cursor.id})`), BY_NAME, take);
    // A name search never matches the unnamed; the plain list goes on to them.
    if (rows.length < take && mode?.kind !== "name") {
      const rest = take - rows.length;
      rows.push(...(await select(salonId, opts.now, where(Prisma.sql`AND c."searchName" IS NULL`, rest), BY_ID, rest)));
    }
  }
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    data: page.map(({ searchName: _sortKey, ...item }) => item),
    nextCursor: rows.length > opts.limit && last ? encodeCustomerCursor({ name: last.searchName, id: last.id }) : null,
  };
}
