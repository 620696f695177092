// The customer book through the real routes and wrapper: list order, keyset pages, search by name, phone
// (any format) and email, add/edit with duplicate numbers, opt-out only the customer can undo, delete only
// without history, the timeline, salon isolation, and the list's plan shape at scale.
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { apiRequest, idParams } from "@/lib/testing/auth-fixtures";
import { withDatabase } from "@/lib/testing/databases";
import { explainShape } from "@/lib/testing/query-plans";
import { createAppointment, createCallLog, createCustomer, createInboundMessage, createNotification, createSalon } from "@/lib/testing/factories";
import { listCustomers, searchModeOf } from "@/lib/customers/list-customers";
import { getCustomerDetail } from "@/lib/customers/get-customer";
import { insertInboundCallLog } from "@/lib/calls/insert-call-log";
import { spreadsheetSafe } from "@/lib/customers/export-customers";
import { mergeCustomers } from "@/lib/customers/merge-customers";
import { smsParams, storeWithoutActing } from "@/lib/testing/sms-test-kit";
import { newCallSid } from "@/lib/testing/voice-test-kit";
import { GET as listRoute, POST as createRoute } from "@/app/api/customers/route";
import { GET as exportRoute } from "@/app/api/customers/export/route";
import { POST as importRoute } from "@/app/api/customers/import/route";
import { POST as mergeRoute } from "@/app/api/customers/[id]/merge/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/customers/[id]/route";

const NOW = new Date("2026-06-10T15:00:00Z");
let salonId: string;
let key: string;
let otherKey: string;

async function call(res: Promise<Response>) {
  const r = await res;
  return { status: r.status, body: r.status === 204 ? null : await r.json() };
}
const list = (query: string, k = key) => call(listRoute(apiRequest(`/api/customers${query}`, { key: k })));
const create = (json: unknown, k = key) => call(createRoute(apiRequest("/api/customers", { key: k, json })));
const get = (id: string, k = key) => call(getRoute(apiRequest(`/api/customers/${id}`, { key: k }), idParams(id)));
const patch = (id: string, json: unknown, k = key) =>
  call(patchRoute(apiRequest(`/api/customers/${id}`, { key: k, json, method: "PATCH" }), idParams(id)));
const remove = (id: string, k = key) => call(deleteRoute(apiRequest(`/api/customers/${id}`, { key: k, method: "DELETE" }), idParams(id)));

beforeAll(async () => {
  salonId = (await createSalon()).id;
  key = (await createApiKey(salonId, { name: "test" })).plaintextKey;
  const other = (await createSalon()).id;
  otherKey = (await createApiKey(other, { name: "other", role: "STAFF" })).plaintextKey;
});

describe("the customer list", () => {
  it("sorts by name (unnamed last), pages without skipping or repeating, and searches every way people type", async () => {
    const s = (await createSalon()).id;
    const names = ["maria Garcia", "Ana Lopez", "Zoe Adams", "Ángela Ruiz", "ana lima", null, null, "Bob"];
    const made = [];
    for (const [i, name] of names.entries()) made.push(await createCustomer(s, { name, phone: `+1415555${String(1000 + i)}`, email: i === 1 ? "Ana@Example.com" : null }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCustomers(s, { limit: 3, cursor: cursor ? decode(cursor) : undefined, now: NOW });
      seen.push(...page.data.map((c) => c.name ?? c.phone));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // Collation "C" on lower-cased names: plain letters in alphabet order, accented after; unnamed last by id.
    expect(seen).toEqual(["ana lima", "Ana Lopez", "Bob", "maria Garcia", "Zoe Adams", "Ángela Ruiz", made[5]!.phone, made[6]!.phone]);

    const search = async (q: string) => (await listCustomers(s, { q, limit: 10, now: NOW })).data.map((c) => c.name);
    expect(await search("ana")).toEqual(["ana lima", "Ana Lopez"]);
    expect(await search("GARC")).toEqual(["maria Garcia"]); // a last name's start
    expect(await search("maria g")).toEqual(["maria Garcia"]);
    expect(await search("(415) 555-1001")).toEqual(["Ana Lopez"]);
    expect(await search("+1 415.555.1001")).toEqual(["Ana Lopez"]);
    expect(await search("ANA@example.COM")).toEqual(["Ana Lopez"]);
    expect(await search("nobody")).toEqual([]);
    expect(searchModeOf("415-555-1001")).toEqual({ kind: "phone", phone: "+14155551001" });
  });

  it("shows last visit and next appointment (cancelled and no-shows aside) over the API, with cursor paging", async () => {
    const c = await createCustomer(salonId, { name: "Visit Tester" });
    const at = (iso: string, status: "BOOKED" | "COMPLETED" | "CANCELLED" | "NO_SHOW") =>
      createAppointment(salonId, { customerId: c.id, startsAt: new Date(iso), status });
    await at("2026-05-01T15:00:00Z", "COMPLETED");
    await at("2026-06-01T15:00:00Z", "NO_SHOW");
    await at("2026-07-01T15:00:00Z", "CANCELLED");
    await at("2026-08-01T15:00:00Z", "BOOKED");
    const page = await listCustomers(salonId, { q: "visit tester", limit: 5, now: NOW });
    expect(page.data[0]).toMatchObject({ lastVisitAt: new Date("2026-05-01T15:00:00Z"), nextAppointmentAt: new Date("2026-08-01T15:00:00Z"), smsConsent: "OPTED_IN" });

    const { status, body } = await list("?q=Visit&limit=1");
    expect(status).toBe(200);
    expect(body.data.map((r: { id: string }) => r.id)).toEqual([c.id]);
    expect((await list("?cursor=nonsense")).status).toBe(422);
    expect((await list("?limit=500")).status).toBe(422);
  });
});

function decode(cursor: string) {
  const [name, id] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as [string | null, string];
  return { name, id };
}

describe("/api/customers", () => {
  it("adds a customer with a phone typed any way, and refuses a bad number or a taken one, naming whose it is", async () => {
    const made = await create({ name: "Maria Garcia", phone: "(415) 555-0142", email: "Maria@Example.com" });
    expect(made.status).toBe(201);
    expect(made.body.data).toMatchObject({ name: "Maria Garcia", phone: "+14155550142", email: "maria@example.com", smsConsent: "OPTED_IN" });

    const bad = await create({ name: "X", phone: "555-12" });
    expect(bad).toMatchObject({ status: 422, body: { code: "validation_failed", fields: { phone: [expect.stringContaining("valid mobile number")] } } });
    const taken = await create({ name: "Someone Else", phone: "+1 415 555 0142" });
    expect(taken).toMatchObject({
      status: 409,
      body: { code: "customer_exists", message: "(415) 555-0142 is already Maria Garcia's number.", details: { customerId: made.body.data.id } },
    });
    const other = await create({ name: "Not yours", phone: "(415) 555-0199" });
    expect((await patch(other.body.data.id, { phone: "415-555-0142" })).status).toBe(409);
    expect((await create({ name: "X", phone: "+14155550100", role: "admin" })).status).toBe(422);
  });

  it("edits and deletes only where safe; staff can never turn texts back on for someone who texted STOP", async () => {
    const c = (await create({ name: "Edit Me", phone: "(415) 555-0301" })).body.data;
    expect(c.language).toBeNull();
    const edited = await patch(c.id, { name: "Edited", notes: "Prefers Maria", email: "", language: "es" });
    expect(edited).toMatchObject({ status: 200, body: { data: { name: "Edited", notes: "Prefers Maria", email: null, language: "es" } } });
    expect(await patch(c.id, { language: "fr" })).toMatchObject({ status: 422 });
    expect((await patch(c.id, { language: null })).body.data.language).toBeNull();
    expect((await remove(c.id)).status).toBe(204);
    expect((await get(c.id)).status).toBe(404);

    const kept = await createCustomer(salonId, { name: "Has History", smsConsent: "OPTED_OUT", optedOutAt: NOW });
    await createInboundMessage(salonId, kept, { body: "STOP", receivedAt: new Date("2026-06-03T15:00:00Z") });
    expect(await remove(kept.id)).toMatchObject({ status: 409, body: { code: "customer_has_history" } });
    const optIn = await patch(kept.id, { smsConsent: "OPTED_IN" });
    expect(optIn).toMatchObject({ status: 409, body: { code: "opt_in_by_customer_only" } });
    expect((await db.customer.findUniqueOrThrow({ where: { id: kept.id } })).smsConsent).toBe("OPTED_OUT");
    // Turning texts off for a customer who asks by phone is fine.
    const asked = (await create({ name: "Asked By Phone", phone: "(415) 555-0302" })).body.data;
    expect((await patch(asked.id, { smsConsent: "OPTED_OUT" })).body.data).toMatchObject({ smsConsent: "OPTED_OUT" });
  });

  it("keeps salons apart: B can't list, read, change or delete A's customers", async () => {
    const a = await createCustomer(salonId, { name: "Only In A", phone: "+14155550777" });
    const listed = await list("?q=%2B14155550777", otherKey);
    expect(listed).toMatchObject({ status: 200, body: { data: [] } });
    expect((await get(a.id, otherKey)).status).toBe(404);
    expect((await patch(a.id, { name: "Stolen" }, otherKey)).status).toBe(404);
    expect((await remove(a.id, otherKey)).status).toBe(404);
    // The same number is a different customer at another salon.
    expect((await create({ name: "Also In B", phone: "+14155550777" }, otherKey)).status).toBe(201);
    expect((await db.customer.findUniqueOrThrow({ where: { id: a.id } })).name).toBe("Only In A");
  });
});

describe("the customer page's data", () => {
  it("puts appointments, calls, voicemails and texts both ways in one timeline, and says when they texted STOP", async () => {
    const c = await createCustomer(salonId, { name: "Timeline", smsConsent: "OPTED_OUT", optedOutAt: new Date("2026-06-03T15:00:01Z") });
    const t = (d: number) => new Date(Date.UTC(2026, 5, d, 15));
    await createAppointment(salonId, { customerId: c.id, startsAt: t(1), status: "COMPLETED" });
    await createAppointment(salonId, { customerId: c.id, startsAt: t(20) });
    await createCallLog(salonId, { customerId: c.id, startedAt: t(2), recordingSid: `RE${c.id}`, recordingDurationSeconds: 12, transcription: "Call me back" });
    await createInboundMessage(salonId, c, { body: "STOP", receivedAt: t(3) });
    await createNotification(salonId, { customerId: c.id, body: "See you soon", kind: "CUSTOM", createdAt: t(4) });
    const detail = await getCustomerDetail(salonId, c.id, NOW);
    expect(detail.upcoming.map((a) => a.at)).toEqual([t(20)]);
    expect(detail.timeline.map((e) => e.kind)).toEqual(["text_out", "text_in", "call", "appointment"]);
    expect(detail.timeline[2]).toMatchObject({ voicemail: { seconds: 12, transcript: "Call me back" } });
    expect(detail.stopTextedAt).toEqual(t(3));
  });
});

describe("CSV import and export", () => {
  const upload = (csv: string, query: string, k = key) =>
    call(importRoute(apiRequest(`/api/customers/import${query}`, { key: k, body: csv, headers: { "content-type": "text/csv" } })));

  it("previews every row with its problem, imports nothing while any row is bad, then all rows in one go", async () => {
    const s = (await createSalon()).id;
    const k = (await createApiKey(s, { name: "import" })).plaintextKey;
    await createCustomer(s, { name: "Old Name", phone: "+14155550900", email: "keep@example.com" });
    const bad = [
      "Name,Phone,Email",
      "Maria Garcia,(415) 555-0901,maria@example.com",
      "No Phone,12,",
      "Dup,415-555-0901,",
      ",415-555-0902,",
      "Bad Email,415-555-0903,not-an-email",
      "Known,'+1 415 555 0900,",
    ].join("\n");
    const preview = await upload(bad, "?step=preview&existing=update", k);
    expect(preview.status).toBe(200);
    expect(preview.body.data.rows.map((r: { line: number; status: string }) => [r.line, r.status])).toEqual([
      [2, "new"], [3, "error"], [4, "error"], [5, "error"], [6, "error"], [7, "update"],
    ]);
    expect(preview.body.data.rows[2].errors).toEqual(["Same phone number as line 2."]);
    expect(preview.body.data.rows[1].errors[0]).toMatch(/^phone: /);

    const refused = await upload(bad, "?step=import&existing=update", k);
    expect(refused).toMatchObject({ status: 422, body: { code: "import_has_errors", details: { counts: { new: 1, update: 1, error: 4 } } } });
    expect(await db.customer.count({ where: { salonId: s } })).toBe(1);

    const good = ["first name,last name,mobile,e-mail", "Maria,Garcia,(415) 555-0901,MARIA@example.com", "Known,Again,+14155550900,", "Ana,Lopez,415.555.0904,"].join("\r\n");
    const skipped = await upload(good, "?step=import", k);
    expect(skipped).toMatchObject({ status: 201, body: { data: { counts: { new: 2, skip: 1, update: 0, error: 0 } } } });
    const rows = await db.customer.findMany({ where: { salonId: s }, orderBy: { phone: "asc" }, select: { name: true, phone: true, email: true } });
    expect(rows).toEqual([
      { name: "Old Name", phone: "+14155550900", email: "keep@example.com" },
      { name: "Maria Garcia", phone: "+14155550901", email: "maria@example.com" },
      { name: "Ana Lopez", phone: "+14155550904", email: null },
    ]);
    // Updating: the file's name, the email kept where the file has none.
    expect((await upload(good, "?step=import&existing=update", k)).body.data.counts).toEqual({ new: 0, update: 3, skip: 0, error: 0 });
    expect(await db.customer.findFirst({ where: { salonId: s, phone: "+14155550900" }, select: { name: true, email: true } })).toEqual({ name: "Known Again", email: "keep@example.com" });
    expect((await upload("phone\n4155550905\n", "?step=import", k)).body).toMatchObject({ code: "invalid_csv" });
    expect((await upload("x", "?step=sideways", k)).status).toBe(422);
  });

  it("exports every customer as spreadsheet-safe CSV, streamed, and only the salon's own", async () => {
    const s = (await createSalon()).id;
    const k = (await createApiKey(s, { name: "export" })).plaintextKey;
    await createCustomer(s, { name: "=HYPERLINK(\"http://evil\")", phone: "+14155550911" });
    await createCustomer(s, { name: "Plain, Name", phone: "+442079460958", email: "@at@example.com" });
    await createCustomer(salonId, { name: "Other Salon", phone: "+14155550912" });
    const res = await exportRoute(apiRequest("/api/customers/export", { key: k }));
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = (await res.text()).replace(/^\uFEFF/, "");
    expect(text.split("\n").filter(Boolean)).toEqual([
      "name,phone,email,texts,last visit,next appointment",
      `"'=HYPERLINK(""http://evil"")",(415) 555-0911,,yes,,`,
      `"Plain, Name",'+44 20 7946 0958,'@at@example.com,yes,,`,
    ]);
    expect(["-1", "+1", "@x", "\tx", "safe"].map(spreadsheetSafe)).toEqual(["'-1", "'+1", "'@x", "'\tx", "safe"]);
  });
});

describe("merging two records of the same person", () => {
  it("moves all history to the kept record, keeps both numbers finding it, lets an opt-out win, and audits it", async () => {
    const salon = await createSalon({ twilioNumber: "+14155550100" });
    const s = salon.id;
    const keep = await createCustomer(s, { name: "Maria Garcia", phone: "+14155550921" });
    const other = await createCustomer(s, { name: null, phone: "+14155550922", email: "work@example.com", smsConsent: "OPTED_OUT", optedOutAt: NOW, lastMessageAt: NOW });
    const older = await createCustomer(s, { name: "Old", phone: "+14155550923" });
    await mergeCustomers(s, other.id, older.id, { now: NOW });
    await createAppointment(s, { customerId: other.id });
    await createCallLog(s, { customerId: other.id, from: other.phone });
    await createNotification(s, { customerId: other.id });
    await createInboundMessage(s, other);

    const k = (await createApiKey(s, { name: "merge", role: "STAFF" })).plaintextKey;
    const merged = await call(mergeRoute(apiRequest(`/api/customers/${keep.id}/merge`, { key: k, json: { mergeId: other.id } }), idParams(keep.id)));
    expect(merged).toMatchObject({ status: 200, body: { data: { moved: { appointments: 1, calls: 1, texts: 1, inbound: 1 } } } });
    for (const table of [db.appointment, db.callLog, db.notification, db.inboundMessage] as const) {
      expect(await (table as typeof db.appointment).count({ where: { customerId: other.id } })).toBe(0);
    }
    expect(await db.customer.findUniqueOrThrow({ where: { id: keep.id } })).toMatchObject({ name: "Maria Garcia", email: "work@example.com", smsConsent: "OPTED_OUT", optedOutAt: NOW });
    // Earlier merges point at the kept record too; the merged records leave the list and the inbox.
    expect(await db.customer.findMany({ where: { mergedIntoId: keep.id }, select: { id: true }, orderBy: { id: "asc" } })).toEqual([older, other].map((c) => ({ id: c.id })).sort((x, y) => (x.id < y.id ? -1 : 1)));
    expect((await listCustomers(s, { limit: 10, now: NOW })).data.map((c) => c.id)).toEqual([keep.id]);
    expect((await listCustomers(s, { q: "(415) 555-0923", limit: 10, now: NOW })).data.map((c) => c.id)).toEqual([keep.id]);

    // A text and a call from either old number land on the kept customer (the webhooks' own lookups).
    const { customer } = await storeWithoutActing(s, smsParams({ from: other.phone, to: salon.twilioNumber!, body: "hi" }));
    expect(customer).toMatchObject({ id: keep.id, phone: other.phone, smsConsent: "OPTED_OUT" });
    const callSid = newCallSid();
    await insertInboundCallLog({ salonId: s, callSid, from: older.phone, to: salon.twilioNumber!, status: "RINGING", startedAt: NOW });
    expect((await db.callLog.findUniqueOrThrow({ where: { callSid } })).customerId).toBe(keep.id);
    // The merged record's id answers with the kept customer.
    expect((await get(other.id, k)).body.data).toMatchObject({ id: keep.id, phone: keep.phone });

    const audit = await db.auditLog.findFirstOrThrow({ where: { salonId: s, action: "customer.merge", targetId: keep.id } });
    expect(audit.metadata).toMatchObject({ mergedId: other.id, mergedPhone: other.phone });
    // A record can't be merged twice, into itself, or across salons.
    expect((await call(mergeRoute(apiRequest(`/api/customers/${keep.id}/merge`, { key: k, json: { mergeId: other.id } }), idParams(keep.id)))).status).toBe(404);
    expect((await call(mergeRoute(apiRequest(`/api/customers/${keep.id}/merge`, { key: k, json: { mergeId: keep.id } }), idParams(keep.id)))).status).toBe(422);
    const foreign = await createCustomer(salonId);
    expect((await call(mergeRoute(apiRequest(`/api/customers/${keep.id}/merge`, { key: k, json: { mergeId: foreign.id } }), idParams(keep.id)))).status).toBe(404);
  });
});

describe("the list at scale", () => {
  // Plan shapes, not timings, as the salon role under row-level security: the first page, a deep page,
  // and each search read about a page of customers from an index, never the salon's whole book.
  it("serves the list and each search from an index, reading about a page", async () => {
    const [a, b] = [(await createSalon()).id, (await createSalon()).id];
    await db.$executeRaw`
      INSERT INTO "customers" ("id", "salonId", "phone", "name", "email", "updatedAt")
      SELECT 'scale' || i, CASE WHEN i % 2 = 0 THEN ${a} ELSE ${b} END, '+1650' || lpad(i::text, 7, '0'),
             CASE WHEN i % 50 = 0 THEN NULL ELSE (ARRAY['Ana','Bea','Cruz','Dana','Eli'])[1 + i % 5] || ' ' || md5(i::text) END,
             'c' || i || '@example.com', now()
      FROM generate_series(1, 16000) AS i`;
    await db.$executeRawUnsafe(`ANALYZE "customers"`);
    const server = inject("testDatabaseServer");
    const database = decodeURIComponent(new URL(env.DATABASE_URL).pathname.slice(1));
    const client = new pg.Client({ connectionString: withDatabase(server.adminUrl, database) });
    await client.connect();
    const columns = `c."id", c."name", c."phone"`;
    const from = `FROM "customers" c WHERE c."salonId" = $1 AND c."mergedIntoId" IS NULL`;
    // As listCustomers sends it: the first-name and last-name halves, each about a page, then those rows by id.
    const half = (column: string, order: string, prefix: string) =>
      `(SELECT c."id", c."searchName" FROM "customers" c WHERE c."salonId" = $1 AND c."mergedIntoId" IS NULL AND ${column} >= '${prefix}' AND ${column} < '${prefix}' || U&'\\+10FFFF' ORDER BY ${order}, c."id" LIMIT 26)`;
    const byName = (prefix: string) =>
      `SELECT ${columns} ${from} AND c."id" = ANY(ARRAY(SELECT m."id" FROM (${half('c."searchName"', 'c."searchName"', prefix)} UNION ${half('c."searchLastName"', `c."searchName" || ''`, prefix)}) m ORDER BY m."searchName", m."id" LIMIT 26)) ORDER BY c."searchName", c."id" LIMIT 26`;
    const cases: Array<[string, string, string[], number]> = [
      ["first page", `SELECT ${columns} ${from} ORDER BY c."searchName", c."id" LIMIT 26`, ["customers_salonId_searchName_id_idx"], 30],
      ["deep page", `SELECT ${columns} ${from} AND (c."searchName", c."id") > ('dana', 'x') ORDER BY c."searchName", c."id" LIMIT 26`, ["customers_salonId_searchName_id_idx"], 30],
      ["unnamed", `SELECT ${columns} ${from} AND c."searchName" IS NULL AND c."id" > 'scale5' ORDER BY c."id" LIMIT 26`, ["customers_salonId_searchName_id_idx"], 420],
      ["phone", `SELECT ${columns} ${from} AND c."id" = (SELECT COALESCE(p."mergedIntoId", p."id") FROM "customers" p WHERE p."salonId" = $1 AND p."phone" = '+16500000010') ORDER BY c."searchName", c."id" LIMIT 26`, ["customers_salonId_phone_key", "customers_pkey"], 4],
      ["email", `SELECT ${columns} ${from} AND c."email" = 'c10@example.com' ORDER BY c."searchName", c."id" LIMIT 26`, ["customers_salonId_email_idx"], 2],
      ["name prefix", byName("cruz a"), ["customers_salonId_searchName_id_idx", "customers_salonId_searchLastName_idx", "customers_pkey"], 300],
      // The incoming-text webhook's lookup (record-inbound-message.ts), which follows a merge: two probes.
      ["inbound lookup", `SELECT k."id", c."phone" FROM "customers" c JOIN "customers" k ON k."id" = CASE WHEN c."mergedIntoId" IS NULL THEN c."id" ELSE c."mergedIntoId" END WHERE c."salonId" = $1 AND c."phone" = '+16500000010'`, ["customers_salonId_phone_key", "customers_pkey"], 2],
      // The last-name half sorts its matches (~1/16 of the salon's 8,000 here): bounded by them, never the book.
      ["last-name prefix", byName("a"), ["customers_salonId_searchName_id_idx", "customers_salonId_searchLastName_idx", "customers_pkey"], 700],
    ];
    try {
      await client.query("BEGIN");
      await client.query(`SET LOCAL ROLE "${server.appRole}_salon"`);
      await client.query(`SELECT set_config('bolt.salon_id', $1, true)`, [a]);
      for (const [name, sql, indexes, maxRead] of cases) {
        const { scans, rowsRead } = await explainShape(client, sql, [a]);
        expect(scans.sort(), name).toEqual([...indexes].sort());
        expect(rowsRead, `${name}: rows read`).toBeLessThanOrEqual(maxRead);
      }
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });
});
