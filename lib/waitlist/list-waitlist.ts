// The waitlist as staff and the API read it: oldest first, the order freed slots are offered in.
import { notFound } from "@/lib/api/errors";
import { encodeCursor, type Page } from "@/lib/api/pagination";
import { salonDb } from "@/lib/db";
import { isLanguage } from "@/lib/i18n/language";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListWaitlistQuery, WaitlistEntryJson } from "@/lib/validations/waitlist";
import { ENTRY_STATUS, OPEN_ENTRY_STATUSES } from "@/lib/waitlist/waitlist-rules";

const entrySelect = {
  id: true,
  status: true,
  appointmentId: true,
  windowStart: true,
  windowEnd: true,
  language: true,
  createdAt: true,
  customer: { select: { id: true, name: true, phone: true } },
  service: { select: { id: true, name: true } },
  employee: { select: { id: true, name: true } },
  offers: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { startsAt: true, status: true, expiresAt: true } },
} satisfies Prisma.WaitlistEntrySelect;

type Row = Awaited<ReturnType<typeof readRows>>[number];

function readRows(salonId: string, query: ListWaitlistQuery) {
  const { cursor, limit } = query;
  return salonDb(salonId).waitlistEntry.findMany({
    where: {
      salonId,
      status: { in: query.status ?? OPEN_ENTRY_STATUSES },
      ...(cursor ? { OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: entrySelect,
  });
}

function toJson(row: Row): WaitlistEntryJson {
  const offer = row.offers[0];
  return {
    id: row.id,
    status: row.status as WaitlistEntryJson["status"],
    customer: row.customer,
    service: row.service,
    stylist: row.employee,
    appointmentId: row.appointmentId,
    windowStart: row.windowStart.toISOString(),
    windowEnd: row.windowEnd.toISOString(),
    language: isLanguage(row.language) ? row.language : "en",
    lastOffer: offer
      ? { startsAt: offer.startsAt.toISOString(), status: offer.status as "SENT", expiresAt: offer.expiresAt.toISOString() }
      : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * A page of entries, oldest first (the cursor runs forward, unlike the newest-first lists). Entries whose
 * window has passed are marked EXPIRED first, so "still waiting" means it.
 */
export async function listWaitlist(salonId: string, query: ListWaitlistQuery, now: Date): Promise<Page<WaitlistEntryJson>> {
  await salonDb(salonId).waitlistEntry.updateMany({
    where: { salonId, status: { in: OPEN_ENTRY_STATUSES }, windowEnd: { lte: now } },
    data: { status: ENTRY_STATUS.EXPIRED, closedAt: now },
  });
  const rows = await readRows(salonId, query);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { data: page.map(toJson), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

/** Staff take someone off the waitlist; their offers still out can no longer be taken (the offer check cancels held texts). */
export async function removeWaitlistEntry(salonId: string, id: string, now: Date): Promise<WaitlistEntryJson> {
  const sdb = salonDb(salonId);
  const { count } = await sdb.waitlistEntry.updateMany({
    where: { id, salonId, status: { in: OPEN_ENTRY_STATUSES } },
    data: { status: ENTRY_STATUS.REMOVED, closedAt: now },
  });
  if (count === 0) throw notFound("Waitlist entry");
  await sdb.waitlistOffer.updateMany({ where: { salonId, entryId: id, status: "SENT" }, data: { status: "EXPIRED", expiresAt: now } });
  const row = await sdb.waitlistEntry.findFirst({ where: { id, salonId }, select: entrySelect });
  if (!row) throw notFound("Waitlist entry");
  return toJson(row);
}
