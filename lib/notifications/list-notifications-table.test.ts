// The admin notifications table query: page + size with a total, sort by time or status, recipient
// search, salon-zone date range — and never another salon's rows.
import { describe, expect, it } from "vitest";
import { listNotificationsTable } from "@/lib/notifications/queries";
import { createCustomer, createEmployee, createNotification, createSalon } from "@/lib/testing/factories";
import { notificationTableQuerySchema } from "@/lib/validations/notifications";

const q = (params: Record<string, string> = {}) => notificationTableQuerySchema.parse(params);
const at = (iso: string) => new Date(iso);

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
  it("pages newest first with a total", async () => {
    const { salon, rows } = await seed();
    const first = await listNotificationsTable(salon.id, q({ size: "10" }));
    expect(first.total).toBe(4);
    expect(first.rows.map((r) => r.id)).toEqual([...rows].reverse().map((r) => r.id));
    const page = await listNotificationsTable(salon.id, { ...q(), size: 2, page: 2 });
    expect(page.rows.map((r) => r.id)).toEqual([rows[1]?.id, rows[0]?.id]);
  });

  it("sorts by status in the order texts move (queued first), newest first within a status", async () => {
    const { salon } = await seed();
    const asc = await listNotificationsTable(salon.id, q({ sort: "status", dir: "asc" }));
    expect(asc.rows.map((r) => r.status)).toEqual(["QUEUED", "SENT", "DELIVERED", "FAILED"]);
    const desc = await listNotificationsTable(salon.id, q({ sort: "status", dir: "desc" }));
    expect(desc.rows.map((r) => r.status)).toEqual(["FAILED", "DELIVERED", "SENT", "QUEUED"]);
  });

  it("filters by status, kind and a recipient name or digits in any format", async () => {
    const { salon } = await seed();
    expect((await listNotificationsTable(salon.id, q({ status: "FAILED,UNDELIVERED" }))).total).toBe(1);
    expect(
      (await listNotificationsTable(salon.id, q({ kind: "EMPLOYEE_BOOKING" }))).rows[0]?.employee?.name,
    ).toBe("Sam Rivera");
    expect((await listNotificationsTable(salon.id, q({ q: "ava" }))).total).toBe(2);
    expect((await listNotificationsTable(salon.id, q({ q: "sam riv" }))).total).toBe(1);
    expect((await listNotificationsTable(salon.id, q({ q: "(650) 555-0123" }))).total).toBe(1);
    expect((await listNotificationsTable(salon.id, q({ q: "nobody" }))).total).toBe(0);
  });

  it("reads dates as whole days in the salon's zone, in either order", async () => {
    const { salon } = await seed();
    const dec3 = await listNotificationsTable(salon.id, q({ from: "2025-12-03", to: "2025-12-03" }));
    expect(dec3.rows.map((r) => r.status).sort()).toEqual(["QUEUED", "SENT"]);
    const reversed = await listNotificationsTable(salon.id, q({ from: "2025-12-03", to: "2025-12-02" }));
    expect(reversed.total).toBe(3);
  });

  it("never shows another salon's texts, even when searching for them", async () => {
    const { salon } = await seed();
    const other = await createSalon();
    await createNotification(other.id, { destination: "+14155552000", body: "secret" });
    expect((await listNotificationsTable(other.id, q())).total).toBe(1);
    const mine = await listNotificationsTable(salon.id, q({ q: "4155552000" }));
    expect(mine.rows.every((r) => r.body !== "secret")).toBe(true);
    expect(mine.total).toBe(2);
  });
});
