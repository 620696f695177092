// Closures and holiday hours through /api/salon/special-days: one entry per date (saving a date again
// replaces it), clear validation messages (past dates, overlapping periods, a day neither closed nor
// given hours), owners only for changes, and one salon never sees or removes another's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteRoute } from "@/app/api/salon/special-days/[id]/route";
import { GET as listRoute, POST as saveRoute } from "@/app/api/salon/special-days/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import { apiRequest, idParams, noParams } from "@/lib/testing/auth-fixtures";
import { createSalon } from "@/lib/testing/factories";
import { specialDayFormSchema } from "@/lib/validations/special-days";

const PATH = "/api/salon/special-days";
// Years ahead of the real clock (and faketime's), so "not in the past" never depends on when tests run.
const CHRISTMAS = "2030-12-25";

let salonId: string;
let owner: string;
let staff: string;
let otherOwner: string;

beforeAll(async () => {
  salonId = (await createSalon({ timeZone: "America/New_York" })).id;
  owner = (await createApiKey(salonId, { name: "owner", role: "OWNER" })).plaintextKey;
  staff = (await createApiKey(salonId, { name: "staff", role: "STAFF" })).plaintextKey;
  const other = await createSalon();
  otherOwner = (await createApiKey(other.id, { name: "other", role: "OWNER" })).plaintextKey;
});
afterAll(async () => {
  await closeRateLimitStore();
});

async function save(key: string, json: unknown) {
  const res = await saveRoute(apiRequest(PATH, { key, json }), noParams);
  return { status: res.status, body: await res.json() };
}
async function list(key: string) {
  const res = await listRoute(apiRequest(PATH, { key }), noParams);
  return (await res.json()).data as Array<{ id: string; date: string; periods: unknown[]; label: string | null }>;
}

describe("/api/salon/special-days", () => {
  it("adds a closure, replaces it with holiday hours on the same date, and lists it", async () => {
    const closed = await save(owner, { date: CHRISTMAS, closed: true, periods: [], label: " Christmas Day " });
    expect(closed).toMatchObject({ status: 200, body: { data: { date: CHRISTMAS, periods: [], label: "Christmas Day" } } });
    const open = await save(owner, { date: CHRISTMAS, closed: false, periods: [{ open: "13:00", close: "17:00" }, { open: "09:00", close: "12:00" }], label: "" });
    expect(open.body.data).toEqual({
      id: closed.body.data.id,
      date: CHRISTMAS,
      periods: [{ open: "09:00", close: "12:00" }, { open: "13:00", close: "17:00" }],
      label: null,
    });
    expect(await list(staff)).toEqual([open.body.data]);
  });

  it.each([
    ["a past date", { date: "2020-01-01", closed: true, periods: [] }, "date_in_past", "Choose today or a later date."],
    ["an impossible date", { date: "2030-02-30", closed: true, periods: [] }, "validation_failed", "date"],
    ["overlapping periods", { date: CHRISTMAS, closed: false, periods: [{ open: "09:00", close: "13:00" }, { open: "12:00", close: "17:00" }] }, "validation_failed", "Opening periods on the same day must not overlap."],
    ["open with no hours", { date: CHRISTMAS, closed: false, periods: [] }, "validation_failed", "Add the hours you're open that day, or mark it closed."],
    ["a closing before opening", { date: CHRISTMAS, closed: false, periods: [{ open: "17:00", close: "09:00" }] }, "validation_failed", "Opening time must be before closing time."],
    ["an unknown field", { date: CHRISTMAS, closed: true, periods: [], note: "x" }, "validation_failed", "Unknown field."],
  ])("refuses %s with a clear message", async (_name, json, code, message) => {
    const { status, body } = await save(owner, json);
    expect(status).toBe(422);
    expect(body.code).toBe(code);
    expect(JSON.stringify(body)).toContain(message);
  });

  it("lets only owners change them, and keeps salons apart", async () => {
    expect((await save(staff, { date: "2030-12-31", closed: true, periods: [] })).status).toBe(403);
    const [mine] = await list(owner);
    expect(await list(otherOwner)).toEqual([]);
    const foreign = await deleteRoute(apiRequest(`${PATH}/${mine!.id}`, { method: "DELETE", key: otherOwner }), idParams(mine!.id));
    expect(foreign.status).toBe(404);
    expect(await db.specialDay.count({ where: { id: mine!.id } })).toBe(1);
    const byStaff = await deleteRoute(apiRequest(`${PATH}/${mine!.id}`, { method: "DELETE", key: staff }), idParams(mine!.id));
    expect(byStaff.status).toBe(403);
    const removed = await deleteRoute(apiRequest(`${PATH}/${mine!.id}`, { method: "DELETE", key: owner }), idParams(mine!.id));
    expect(removed.status).toBe(200);
    expect(await list(owner)).toEqual([]);
  });
});

describe("the settings form", () => {
  it("reads closed or hours, skips a blank second period, and takes 00:00 as closing at midnight", () => {
    expect(specialDayFormSchema.parse({ date: CHRISTMAS, kind: "closed", open0: "09:00", close0: "13:00", label: "" })).toEqual({ date: CHRISTMAS, periods: [], label: null });
    expect(specialDayFormSchema.parse({ date: CHRISTMAS, kind: "hours", open0: "18:00", close0: "00:00", open1: "", close1: "", label: "Late night" })).toEqual({
      date: CHRISTMAS,
      periods: [{ open: "18:00", close: "24:00" }],
      label: "Late night",
    });
    expect(specialDayFormSchema.safeParse({ date: "", kind: "closed" }).error?.issues[0]?.message).toBe("Choose a date.");
  });
});
