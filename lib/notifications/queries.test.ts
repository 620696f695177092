// GET /api/telephony/notifications and /notifications/[id]: cursor paging (stable under ties and
// inserts), filters, validation, and salon isolation — through the real routes and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/telephony/notifications/route";
import { GET as getRoute } from "@/app/api/telephony/notifications/[id]/route";
import { decodeCursor, encodeCursor } from "@/lib/api/pagination";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notificationListSelect } from "@/lib/notifications/queries";
import { apiRequest, idParams, noParams } from "@/lib/testing/auth-fixtures";
import { createCustomer, createEmployee, createNotification, createSalon } from "@/lib/testing/factories";

let salonId: string;
let key: string;
let otherKey: string;
let otherNotificationId: string;
let customerId: string;
let employeeId: string;
const base = Date.parse("2025-12-04T12:00:00Z");

beforeAll(async () => {
  const salon = await createSalon({ timeZone: "America/New_York" });
  salonId = salon.id;
  key = (await createApiKey(salonId, { name: "list", role: "STAFF" })).plaintextKey;
  customerId = (await createCustomer(salonId)).id;
  employeeId = (await createEmployee(salonId)).id;
  // 30 texts an hour apart (the last five share one timestamp, to exercise the id tie-break).
  for (let i = 0; i < 30; i++) {
    const createdAt = new Date(base + Math.min(i, 25) * 3600_000);
    await createNotification(salonId, {
      createdAt,
      kind: i % 3 === 0 ? "REMINDER" : "CUSTOM",
      status: i % 5 === 0 ? "FAILED" : "DELIVERED",
      channel: i === 7 ? "EMAIL" : "SMS",
      ...(i % 2 === 0 ? { customerId } : { employeeId, recipientKind: "EMPLOYEE" as const }),
      body: `text ${i}`,
    });
  }
  const other = await createSalon();
  otherKey = (await createApiKey(other.id, { name: "other" })).plaintextKey;
  otherNotificationId = (await createNotification(other.id, { createdAt: new Date(base) })).id;
});

afterAll(closeRateLimitStore);

async function list(query: string, k = key) {
  const res = await listRoute(apiRequest(`/api/telephony/notifications${query}`, { key: k }), noParams);
  return { status: res.status, body: await res.json() };
}

async function listAll(query: string): Promise<Array<{ id: string; body: string; createdAt: string }>> {
  const rows = [];
  let cursor: string | null = null;
  do {
    const sep = query ? "&" : "?";
    const { status, body } = await list(`${query}${cursor ? `${sep}cursor=${cursor}` : ""}`);
    expect(status).toBe(200);
    rows.push(...body.data);
    cursor = body.nextCursor;
  } while (cursor);
  return rows;
}

describe("paging", () => {
  it("walks every row once, newest first, with a default page of 25", async () => {
    const first = await list("");
    expect(first.body.data).toHaveLength(25);
    expect(first.body.nextCursor).toEqual(expect.any(String));

    const rows = await listAll("?limit=7");
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r.id)).size).toBe(30);
    const keys = rows.map((r) => [Date.parse(r.createdAt), r.id] as const);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1]!, keys[i]!];
      expect(a[0] > b[0] || (a[0] === b[0] && a[1] > b[1])).toBe(true);
    }
  });

  it("keeps its place when newer rows arrive between pages", async () => {
    const page1 = await list("?limit=10");
    await createNotification(salonId, { createdAt: new Date(base + 100 * 3600_000), body: "late arrival" });
    const page2 = await list(`?limit=10&cursor=${page1.body.nextCursor}`);
    const seen = [...page1.body.data, ...page2.body.data].map((r: { body: string }) => r.body);
    expect(seen).not.toContain("late arrival");
    expect(new Set(seen).size).toBe(20);
    await db.notification.deleteMany({ where: { salonId, body: "late arrival" } });
  });

  it("the cursor is opaque base64url of (createdAt, id)", () => {
    const c = { createdAt: new Date(base), id: "abc123" };
    const encoded = encodeCursor(c);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(c);
    expect(decodeCursor("bm9wZQ")).toBeNull();
  });
});

describe("filters", () => {
  it("by status, kind, channel, recipient and date range", async () => {
    const failed = await listAll("?status=FAILED");
    expect(failed.map((r) => r.body).sort()).toEqual([
      "text 0",
      "text 10",
      "text 15",
      "text 20",
      "text 25",
      "text 5",
    ]);
    expect(await listAll("?status=failed,delivered")).toHaveLength(30);
    expect(await listAll("?status=FAILED&status=DELIVERED&kind=REMINDER")).toHaveLength(10);
    expect((await listAll("?channel=EMAIL")).map((r) => r.body)).toEqual(["text 7"]);
    expect(await listAll(`?customerId=${customerId}`)).toHaveLength(15);
    expect(await listAll(`?employeeId=${employeeId}&kind=CUSTOM`)).toHaveLength(10);

    // 2025-12-04 in New York is 05:00Z on the 4th to 05:00Z on the 5th: rows 0–16 (12:00Z + 0..16 h).
    expect(await listAll("?from=2025-12-04&to=2025-12-04")).toHaveLength(17);
    expect(await listAll("?from=2025-12-04T20:00:00Z&to=2025-12-04T22:00:00Z")).toHaveLength(3);
    expect(await listAll("?from=2025-12-05T13:00:00%2B00:00")).toHaveLength(5);
  });

  it("answers with one SQL statement exactly what Prisma's findMany with the list's select does", async () => {
    const newest = [{ createdAt: "desc" as const }, { id: "desc" as const }];
    const cases: Array<[string, Prisma.NotificationWhereInput]> = [
      ["", {}],
      ["?status=FAILED&kind=REMINDER", { status: "FAILED", kind: "REMINDER" }],
      [`?employeeId=${employeeId}&channel=SMS`, { employeeId, channel: "SMS" }],
      ["?from=2025-12-04&to=2025-12-04", { createdAt: { gte: new Date("2025-12-04T05:00:00Z"), lt: new Date("2025-12-05T05:00:00Z") } }],
    ];
    for (const [query, where] of cases) {
      const rows = await db.notification.findMany({ where: { salonId, ...where }, orderBy: newest, select: notificationListSelect });
      expect(await listAll(query), query).toEqual(JSON.parse(JSON.stringify(rows)));
    }
  });

  it("rejects bad filters with 422 and the field's message", async () => {
    const cases: Array<[string, string, RegExp]> = [
      ["?limit=0", "limit", /between 1 and 100/],
      ["?limit=101", "limit", /between 1 and 100/],
      ["?limit=ten", "limit", /number/],
      ["?cursor=garbage", "cursor", /Invalid cursor/],
      ["?status=LOST", "status", /status must be one of/],
      ["?from=2025-02-30", "from", /impossible dates/],
      ["?to=2025-12-04T25:00:00Z", "to", /ISO date/],
      ["?from=2025-12-05&to=2025-12-04", "from", /before to/],
      ["?sort=asc", "sort", /Unknown field/],
    ];
    for (const [query, field, message] of cases) {
      const { status, body } = await list(query);
      expect(status, query).toBe(422);
      expect(`${body.fields?.[field]?.join(" ")}`, `${query} → ${JSON.stringify(body)}`).toMatch(message);
    }
  });
});

describe("isolation and detail", () => {
  it("a salon lists and fetches only its own notifications", async () => {
    const all = await listAll("");
    expect(all.map((r) => r.id)).not.toContain(otherNotificationId);
    const theirs = await list("", otherKey);
    expect(theirs.body.data.map((r: { id: string }) => r.id)).toEqual([otherNotificationId]);
    const res = await getRoute(
      apiRequest(`/api/telephony/notifications/${otherNotificationId}`, { key }),
      idParams(otherNotificationId),
    );
    expect(res.status).toBe(404);
    // Filtering by another salon's customer finds nothing rather than their texts.
    const otherCustomer = await db.notification.findUniqueOrThrow({ where: { id: otherNotificationId } });
    expect((await list(`?customerId=${otherCustomer.customerId ?? "x"}`, key)).body.data).toEqual([]);
  });

  it("returns one notification with its events, oldest first", async () => {
    const n = await createNotification(salonId, { status: "DELIVERED", body: "with history" });
    await db.notificationEvent.createMany({
      data: (["QUEUED", "SENDING", "SENT", "DELIVERED"] as const).map((status, i) => ({
        salonId,
        notificationId: n.id,
        status,
        occurredAt: new Date(base + i * 1000),
      })),
    });
    const res = await getRoute(apiRequest(`/api/telephony/notifications/${n.id}`, { key }), idParams(n.id));
    expect(res.status).toBe(200);
    const { data } = await res.json();
    expect(data).toMatchObject({ id: n.id, body: "with history", status: "DELIVERED" });
    expect(data.events.map((e: { status: string }) => e.status)).toEqual([
      "QUEUED",
      "SENDING",
      "SENT",
      "DELIVERED",
    ]);
  });
});
