// The admin notifications table query: Newer/Older keyset pages in every sort it offers, recipient
// search, salon-zone date range — and never another salon's rows.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listNotificationsTable } from "@/lib/notifications/queries";
import { walkPages, type Cursor } from "@/lib/testing/keyset-walk";
import { createCustomer, createEmployee, createNotification, createSalon } from "@/lib/testing/factories";
import { notificationTableQuerySchema } from "@/lib/validations/notifications";

const q = (params: Record<string, string> = {}) => notificationTableQuerySchema.parse(params);
const at = (iso: string) => new Date(iso);
const NOW = at("2025-12-10T12:00:00Z");
const list = (salonId: string, query: ReturnType<typeof q>) => listNotificationsTable(salonId, query, NOW);

async function seed() {
  const salon = await createSalon({ timeZone: "America/Los_Angeles" });
  const ava = await createCustomer(salon.id, { name: "Ava Martinez", phone: "+14155552000" });
  const sam = await createEmployee(salon.id, { name: "Sam Rivera", phone: "+14155550111" });
  const rows = [
    await createNotification(salon.id, {
      customerId: ava.id,
      destination: ava.phone,
      status: "DELIVERED",
      createdAt: at("2025-12-01T18:00:00Z"),
    }),
    await createNotification(salon.id, {
      customerId: ava.id,
      destination: ava.phone,
      status: "FAILED",
      createdAt: at("2025-12-02T18:00:00Z"),
    }),
    await createNotification(salon.id, {
      employeeId: sam.id,
      recipientKind: "EMPLOYEE",
      destination: sam.phone ?? "",
      kind: "EMPLOYEE_BOOKING",
      status: "QUEUED",
      createdAt: at("2025-12-03T18:00:00Z"),
    }),
    // 11 PM Dec 3 in Los Angeles is already Dec 4 in UTC: the date filter must count it as Dec 3.
    await createNotification(salon.id, {
      recipientKind: "OTHER",
      destination: "+16505550123",
      status: "SENT",
      createdAt: at("2025-12-04T07:00:00Z"),
    }),
  ];
  return { salon, rows };
}

describe("listNotificationsTable", () => {
  it("pages by keyset in every sort, ties and all, forward and back", async () => {
    const { salon, rows } = await seed();
    const first = await list(salon.id, q({ size: "10" }));
    expect(first).toMatchObject({ newer: null, older: null });
    expect(first.rows.map((r) => r.id)).toEqual([...rows].reverse().map((r) => r.id));
    // Nine more in one statement, sharing three instants, so pages split inside runs of equal times.
    await db.$executeRaw`
      INSERT INTO "notifications" ("id", "salonId", "recipientKind", "destination", "body", "kind", "status", "createdAt", "updatedAt")
      SELECT 'n' || i, ${salon.id}, 'OTHER', '+1415555' || lpad(i::text, 4, '0'), 'x', 'CUSTOM',
             (ARRAY['QUEUED', 'FAILED', 'DELIVERED'])[1 + i % 3]::"NotificationStatus",
             timestamp '2025-12-05 12:00' + (i / 4) * interval '1 hour', now()
      FROM generate_series(1, 9) AS i`;
    const all = await db.notification.findMany({ where: { salonId: salon.id }, select: { id: true, status: true, createdAt: true } });
    const statusRank = (s: string) => ["QUEUED", "SENDING", "SENT", "DELIVERED", "UNDELIVERED", "FAILED", "CANCELED"].indexOf(s);
    const newestFirst = (a: (typeof all)[number], b: (typeof all)[number]) =>
      b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1);
    for (const dir of ["asc", "desc"] as const) {
      const byTime = [...all].sort((a, b) => (dir === "desc" ? 1 : -1) * newestFirst(a, b)).map((r) => r.id);
      const byStatus = [...all]
        .sort((a, b) => (dir === "asc" ? 1 : -1) * (statusRank(a.status) - statusRank(b.status)) || newestFirst(a, b))
        .map((r) => r.id);
      // Time in both directions is the calls' walk too (lib/calls/queries.test.ts); newest first here.
      const sorts = dir === "desc" ? ([["createdAt", byTime], ["status", byStatus]] as const) : ([["status", byStatus]] as const);
      for (const [sort, expected] of sorts) {
        const read = (cursor: Cursor) => list(salon.id, { ...q({ sort, dir }), size: 3, ...cursor });
        expect(await walkPages(read), `${sort} ${dir}`).toEqual(expected);
      }
    }
    // A status filter narrows the statuses walked; a cursor from another sort is dropped, not misread.
    const failed = (cursor: Cursor) => list(salon.id, { ...q({ sort: "status", status: "FAILED" }), size: 3, ...cursor });
    expect(await walkPages(failed)).toEqual(all.filter((r) => r.status === "FAILED").sort(newestFirst).map((r) => r.id));
    const timeCursor = (await list(salon.id, { ...q(), size: 2 })).older!;
    expect(notificationTableQuerySchema.safeParse({ sort: "status", after: timeCursor }).success).toBe(false);
  });

  it("sorts by status in the order texts move (queued first), newest first within a status", async () => {
    const { salon } = await seed();
    const asc = await list(salon.id, q({ sort: "status", dir: "asc" }));
    expect(asc.rows.map((r) => r.status)).toEqual(["QUEUED", "SENT", "DELIVERED", "FAILED"]);
    const desc = await list(salon.id, q({ sort: "status", dir: "desc" }));
    expect(desc.rows.map((r) => r.status)).toEqual(["FAILED", "DELIVERED", "SENT", "QUEUED"]);
  });

  it("filters by status, kind and a recipient name or digits in any format", async () => {
    const { salon } = await seed();
    expect((await list(salon.id, q({ status: "FAILED,UNDELIVERED" }))).rows.length).toBe(1);
    expect(
      (await list(salon.id, q({ kind: "EMPLOYEE_BOOKING" }))).rows[0]?.employee?.name,
    ).toBe("Sam Rivera");
    expect((await list(salon.id, q({ q: "ava" }))).rows.length).toBe(2);
    expect((await list(salon.id, q({ q: "sam riv" }))).rows.length).toBe(1);
    expect((await list(salon.id, q({ q: "(650) 555-0123" }))).rows.length).toBe(1);
    expect((await list(salon.id, q({ q: "nobody" }))).rows.length).toBe(0);
  });

  it("reads dates as whole days in the salon's zone, in either order", async () => {
    const { salon } = await seed();
    const dec3 = await list(salon.id, q({ from: "2025-12-03", to: "2025-12-03" }));
    expect(dec3.rows.map((r) => r.status).sort()).toEqual(["QUEUED", "SENT"]);
    const reversed = await list(salon.id, q({ from: "2025-12-03", to: "2025-12-02" }));
    expect(reversed.rows.length).toBe(3);
  });

  it("opens on what was sent; texts still queued for a later time are on the Scheduled tab", async () => {
    const { salon, rows } = await seed();
    const reminder = { customerId: rows[0]!.customerId, destination: rows[0]!.destination, kind: "REMINDER" as const };
    const due = await createNotification(salon.id, { ...reminder, status: "SENDING", scheduledFor: NOW, createdAt: at("2025-12-05T18:00:00Z") });
    const later = await createNotification(salon.id, { ...reminder, status: "QUEUED", scheduledFor: at("2025-12-11T17:00:00Z"), createdAt: at("2025-12-06T18:00:00Z") });
    // A reminder called off with its appointment keeps its time, but waits for nothing: it is with the sent.
    const cancelled = await createNotification(salon.id, { ...reminder, status: "CANCELED", scheduledFor: at("2025-12-12T17:00:00Z"), createdAt: at("2025-12-05T12:00:00Z") });
    const sent = await list(salon.id, q());
    expect(sent.rows.map((r) => r.id)).toEqual([due, cancelled, ...[...rows].reverse()].map((r) => r.id));
    const scheduled = await list(salon.id, q({ view: "scheduled" }));
    expect(scheduled.rows.map((r) => r.id)).toEqual([later.id]);
    // A day later the reminder's time has come: it moves to the sent tab.
    const tomorrow = await listNotificationsTable(salon.id, q(), at("2025-12-11T17:00:00Z"));
    expect(tomorrow.rows[0]?.id).toBe(later.id);
    expect(q({ view: "nonsense" }).view).toBe("sent");
  });

  it("never shows another salon's texts, even when searching for them", async () => {
    const { salon } = await seed();
    const other = await createSalon();
    await createNotification(other.id, { destination: "+14155552000", body: "secret" });
    expect((await list(other.id, q())).rows.length).toBe(1);
    const mine = await list(salon.id, q({ q: "4155552000" }));
    expect(mine.rows.every((r) => r.body !== "secret")).toBe(true);
    expect(mine.rows.length).toBe(2);
  });
});
