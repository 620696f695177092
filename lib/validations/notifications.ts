// The admin notifications table's URL state (?after=…&size=25&sort=status&dir=asc&status=FAILED&q=ava…).
// Paging (Newer/Older keyset cursors, lib/api/page-cursors.ts) and sorting fall back to their defaults; a filter that can't be read fails, so the page
// (through readSearchParams) leaves it out and says so, as the Calls page does. The API keeps its
// strict schema in messaging.ts.
import { z } from "zod";
import { keyFitsSort, pageKeyParam, type PageSort } from "@/lib/api/page-cursors";
import { NotificationChannel, NotificationKind, NotificationStatus } from "@/lib/generated/prisma/enums";

export const NOTIFICATION_PAGE_SIZES = [10, 25, 50, 100] as const;
export const NOTIFICATION_SORTS = ["createdAt", "status"] as const;
export type NotificationSort = (typeof NOTIFICATION_SORTS)[number];
const NOTIFICATION_VIEWS = ["sent", "scheduled"] as const;
export type NotificationView = (typeof NOTIFICATION_VIEWS)[number];

/**
 * The table's order as page-cursors.ts reads it: by time, or by status in the enum's order (QUEUED …
 * CANCELED; only the statuses filtered on, if any) with the newest first within each.
 */
export function notificationPageSort(
  sort: NotificationSort,
  dir: "asc" | "desc",
  statuses: readonly NotificationStatus[] = [],
): PageSort {
  if (sort === "createdAt") return { kind: "time", time: "createdAt", dir };
  const all = Object.values(NotificationStatus);
  const values = statuses.length ? all.filter((s) => statuses.includes(s)) : all;
  return { kind: "enum", column: "status", values, time: "createdAt", dir };
}

/** "FAILED,UNDELIVERED" (or a repeated parameter), any case → those values; an unknown one fails. */
function enumListParam<T extends string>(values: Record<string, T>) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      (Array.isArray(v) ? v : v ? [v] : [])
        .flatMap((s) => s.split(","))
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)));
}

// A repeated scalar parameter (?q=a&q=b) keeps the first value.
const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const optionalDate = z.preprocess(firstOf, z.iso.date().optional());

export const notificationTableQuerySchema = z.object({
  after: pageKeyParam,
  before: pageKeyParam,
  size: z
    .preprocess(
      firstOf,
      z.coerce
        .number()
        .refine((n) => (NOTIFICATION_PAGE_SIZES as readonly number[]).includes(n))
        .catch(25),
    )
    .default(25),
  sort: z.preprocess(firstOf, z.enum(NOTIFICATION_SORTS).catch("createdAt")).default("createdAt"),
  dir: z.preprocess(firstOf, z.enum(["asc", "desc"]).catch("desc")).default("desc"),
  status: enumListParam(NotificationStatus),
  channel: enumListParam(NotificationChannel),
  kind: enumListParam(NotificationKind),
  /** A name, or part of a phone number, of the recipient. */
  q: z.preprocess(
    firstOf,
    z
      .string()
      .trim()
      .max(100)
      .optional()
      .transform((s) => s || undefined),
  ),
  /** Calendar days (YYYY-MM-DD) in the salon's time zone; `to` is inclusive. */
  from: optionalDate,
  to: optionalDate,
  /** The tab: what was sent (the default), or reminders and texts still waiting for their time. */
  view: z.preprocess(firstOf, z.enum(NOTIFICATION_VIEWS).catch("sent")).default("sent"),
}).superRefine((query, ctx) => {
  // A cursor made under another sort (or status filter) starts the list over, and the page says so.
  const sort = notificationPageSort(query.sort, query.dir, query.status);
  for (const param of ["after", "before"] as const) {
    const key = query[param];
    if (key && !keyFitsSort(key, sort)) ctx.addIssue({ code: "custom", path: [param], message: "Not a page of this list" });
  }
});

export type NotificationTableQuery = z.output<typeof notificationTableQuerySchema>;
