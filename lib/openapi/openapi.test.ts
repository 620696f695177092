// The OpenAPI document against the code: every route file's methods are documented operations and the
// reverse; the document is well formed (refs resolve, path parameters declared, ids unique); and real
// responses, fetched through the route handlers with an API key against the test database, satisfy
// the response schemas the document was generated from, so it cannot drift from what the API answers.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { listAppEntries } from "@/e2e/security/app-paths";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { createApiKey } from "@/lib/auth/api-keys";
import { stopBoss } from "@/lib/jobs/boss";
import { API_TAGS, openApiDocument, UNDOCUMENTED_ROUTES } from "@/lib/openapi/document";
import { exampleOf, referenceTags } from "@/lib/openapi/reference";
import { apiRequest } from "@/lib/testing/auth-fixtures";
import { matchPathTemplate } from "@/lib/testing/openapi-shape";
import { joinWaitlist } from "@/lib/waitlist/join-waitlist";
import { startPrismProxy } from "@/lib/testing/prism-proxy";
import {
  createCallLog,
  createCustomer,
  createEmployee,
  createInboundMessage,
  createSalon,
  createService,
} from "@/lib/testing/factories";

const APP_DIR = path.resolve(import.meta.dirname, "..", "..", "app");
/** "/api/appointments/[id]" → "/api/appointments/{id}" */
const templateOf = (pattern: string) => pattern.replace(/\[([^\]]+)\]/g, "{$1}");

describe("route ⇄ operation coverage", () => {
  it("documents every method of every route file, and nothing else", () => {
    const routes = listAppEntries().filter((e) => e.kind === "route" && e.pattern.startsWith("/api/"));
    for (const excluded of Object.keys(UNDOCUMENTED_ROUTES)) {
      expect(routes.map((r) => r.pattern), `${excluded} is listed as undocumented but has no route file`).toContain(excluded);
    }
    const inCode = routes
      .filter((r) => !(r.pattern in UNDOCUMENTED_ROUTES))
      .flatMap((r) => r.methods.map((m) => `${m} ${templateOf(r.pattern)}`));
    const inDocument = Object.entries(openApiDocument().paths ?? {}).flatMap(([template, item]) =>
      Object.keys(item ?? {})
        .filter((key) => ["get", "post", "put", "patch", "delete"].includes(key))
        .map((method) => `${method.toUpperCase()} ${template}`),
    );
    expect(inCode.filter((op) => !inDocument.includes(op)), "routes without a documented operation").toEqual([]);
    expect(inDocument.filter((op) => !inCode.includes(op)), "documented operations without a route").toEqual([]);
  });
});

describe("the document", () => {
  const doc = openApiDocument();
  const text = JSON.stringify(doc);

  it("is OpenAPI 3.1 whose references all resolve", () => {
    expect(doc.openapi).toBe("3.1.0");
    const refs = [...new Set([...text.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!))];
    const unresolved = refs.filter((ref) => {
      const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
      const components = doc.components as Record<string, Record<string, unknown> | undefined> | undefined;
      return !section || !name || !components?.[section]?.[name];
    });
    expect(unresolved).toEqual([]);
  });

  it("gives each success body an example (written or sampled, as the reference page shows it) that its schema accepts", () => {
    const problems: string[] = [];
    for (const tag of referenceTags()) {
      for (const op of tag.operations) {
        for (const r of op.responses.filter((r) => r.status.startsWith("2") && r.contentType === "application/json")) {
          const schema = responseSchemaOf(op.path, op.method, Number(r.status));
          const parsed = schema?.safeParse(exampleOf(r.media));
          if (parsed && !parsed.success) problems.push(`${op.method} ${op.path} ${r.status}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("declares each path parameter, names each operation once, and says how each is authenticated", () => {
    const ids: string[] = [];
    const problems: string[] = [];
    const schemes = Object.keys(doc.components?.securitySchemes ?? {});
    for (const [template, item] of Object.entries(doc.paths ?? {})) {
      const wanted = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(item ?? {})) {
        const operation = op as { operationId?: string; parameters?: Array<{ in: string; name: string }>; security?: Array<Record<string, unknown>>; tags?: string[] };
        const where = `${method.toUpperCase()} ${template}`;
        if (!operation.operationId) problems.push(`${where}: no operationId`);
        else ids.push(operation.operationId);
        const declared = (operation.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
        if (declared.sort().join() !== wanted.sort().join()) problems.push(`${where}: path parameters ${declared.join()} ≠ ${wanted.join()}`);
        if (!operation.security) problems.push(`${where}: no security`);
        for (const requirement of operation.security ?? []) {
          for (const name of Object.keys(requirement)) if (!schemes.includes(name)) problems.push(`${where}: unknown scheme ${name}`);
        }
        if (operation.tags?.length !== 1) problems.push(`${where}: not in one tag`);
      }
    }
    expect(problems).toEqual([]);
    expect(ids.length).toBe(new Set(ids).size);
  });
});

// ——— Real responses against the response schemas ———

type Call = {
  method: string;
  template: string;
  values?: Record<string, string>;
  query?: string;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
  key?: string;
};

let key: string;
let staffKey: string;
const fixtures: Record<string, string> = {};

/** The zod schema the document declares for this operation's status (undefined when the status isn't documented). */
function responseSchemaOf(template: string, method: string, status: number): z.ZodType | undefined {
  for (const tag of API_TAGS) {
    const op = tag.paths[template]?.[method.toLowerCase() as "get"];
    const response = op?.responses[String(status) as "200"];
    if (response && !("$ref" in response)) {
      const schema = response.content?.["application/json"]?.schema;
      return typeof schema === "object" && "safeParse" in schema ? (schema as z.ZodType) : undefined;
    }
  }
  return undefined;
}

/** Calls the route handler as Next.js would; checks the status is documented and the body fits its schema. */
async function call(c: Call): Promise<{ status: number; body: unknown }> {
  const pattern = c.template.replace(/\{([^}]+)\}/g, "[$1]");
  const route = (await import(path.join(APP_DIR, ...pattern.split("/"), "route.ts"))) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
  const values = c.values ?? {};
  const url = c.template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? "")) + (c.query ?? "");
  const handler = route[c.method];
  if (!handler) throw new Error(`${c.method} ${c.template} has no handler`);
  const req = apiRequest(url, { method: c.method, key: c.key ?? key, json: c.json, body: c.body, headers: c.headers });
  const res = await handler(req, { params: Promise.resolve(values) });
  const type = res.headers.get("content-type") ?? "";
  const body: unknown = res.status === 204 ? undefined : type.startsWith("application/json") ? await res.json() : await res.text();
  const where = `${c.method} ${c.template} → ${res.status} ${String(JSON.stringify(body)).slice(0, 300)}`;
  const documented = openApiDocument().paths?.[c.template]?.[c.method.toLowerCase() as "get"]?.responses?.[String(res.status)];
  expect(documented, `${where}: status not documented`).toBeDefined();
  const schema = responseSchemaOf(c.template, c.method, res.status);
  if (schema) {
    const parsed = schema.safeParse(body);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`), where).toEqual([]);
  }
  return { status: res.status, body };
}

const dataOf = (r: { body: unknown }) => (r.body as { data: Record<string, string> }).data;

beforeAll(async () => {
  const day = [{ open: "09:00", close: "18:00" }];
  const businessHours = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day };
  const salonId = (await createSalon({ name: "Schema Cuts", twilioNumber: "+14155550488", businessHours })).id;
  key = (await createApiKey(salonId, { name: "docs" })).plaintextKey;
  staffKey = (await createApiKey(salonId, { name: "docs staff", role: "STAFF" })).plaintextKey;
  const customer = await createCustomer(salonId, { name: "Ava Reed" });
  fixtures.customerId = customer.id;
  fixtures.employeeId = (await createEmployee(salonId, { name: "Maria" })).id;
  fixtures.serviceId = (await createService(salonId, { name: "Balayage", durationMinutes: 90 })).id;
  fixtures.callId = (await createCallLog(salonId, { customerId: customer.id, status: "COMPLETED", reason: "HOURS", durationSeconds: 42 })).id;
  await createInboundMessage(salonId, customer, { body: "Can I come Saturday?" });
  fixtures.waitlistEntryId = (
    await joinWaitlist(salonId, { customerId: customer.id, serviceId: fixtures.serviceId, employeeId: fixtures.employeeId, language: "es", now: new Date("2031-03-01T12:00:00Z") })
  ).entry.id;
});

afterAll(async () => {
  await stopBoss();
  await closeRateLimitStore();
});

describe("real responses satisfy the document", () => {
  // Far ahead of any clock the suite runs under, so nothing is "in the past".
  const STARTS_AT = "2031-03-14T15:00:00-04:00";

  it("appointments, texts and notifications", async () => {
    const booked = await call({
      method: "POST",
      template: "/api/appointments",
      json: { customerId: fixtures.customerId, employeeId: fixtures.employeeId, serviceId: fixtures.serviceId, startsAt: STARTS_AT, notes: "First visit" },
    });
    expect(booked.status).toBe(201);
    const id = dataOf(booked).id!;
    expect((await call({ method: "GET", template: "/api/appointments/{id}", values: { id } })).status).toBe(200);
    const moved = await call({ method: "PATCH", template: "/api/appointments/{id}", values: { id }, json: { action: "reschedule", startsAt: "2031-03-15T11:00:00-04:00" } });
    expect(moved.status).toBe(200);

    const appointmentId = id;
    expect((await call({ method: "POST", template: "/api/telephony/appointment-confirmation", json: { appointmentId } })).status).toBe(202);
    expect((await call({ method: "POST", template: "/api/telephony/appointment-reminder", json: { appointmentId } })).status).toBe(202);
    const sent = await call({ method: "POST", template: "/api/telephony/sms", json: { customerId: fixtures.customerId, body: "See you soon!" } });
    expect(sent.status).toBe(202);

    const list = await call({ method: "GET", template: "/api/telephony/notifications", query: "?limit=2&kind=REMINDER,CUSTOM,CONFIRMATION" });
    expect((list.body as { nextCursor: string | null }).nextCursor).not.toBeNull();
    expect((await call({ method: "GET", template: "/api/telephony/notifications/{id}", values: { id: dataOf(sent).id! } })).status).toBe(200);

    expect((await call({ method: "PATCH", template: "/api/appointments/{id}", values: { id }, json: { action: "cancel" } })).status).toBe(200);
    expect((await call({ method: "PATCH", template: "/api/appointments/{id}", values: { id }, json: { action: "confirm" } })).status).toBe(409);
  });

  it("conversations, calls and the salon", async () => {
    const customerId = fixtures.customerId!;
    const inbox = await call({ method: "GET", template: "/api/telephony/conversations", query: "?limit=5" });
    expect((inbox.body as { data: unknown[] }).data.length).toBeGreaterThan(0);
    expect((await call({ method: "GET", template: "/api/telephony/conversations/{customerId}", values: { customerId } })).status).toBe(200);
    expect((await call({ method: "POST", template: "/api/telephony/conversations/{customerId}/reply", values: { customerId }, json: { body: "Saturday at 11 works." } })).status).toBe(202);
    expect((await call({ method: "POST", template: "/api/telephony/conversations/{customerId}/read", values: { customerId } })).status).toBe(200);
    expect((await call({ method: "PATCH", template: "/api/telephony/conversations/{customerId}", values: { customerId }, json: { followUp: "HANDLED" } })).status).toBe(200);
    expect((await call({ method: "GET", template: "/api/telephony/conversations", query: "?followUp=handled&assignee=none" })).status).toBe(200);

    const calls = await call({ method: "GET", template: "/api/telephony/call-logs", query: "?outcome=ANSWERED_BY_BOLT" });
    expect((calls.body as { data: unknown[] }).data).toHaveLength(1);
    const id = fixtures.callId!;
    expect((await call({ method: "GET", template: "/api/telephony/call-logs/{id}", values: { id } })).status).toBe(200);
    expect((await call({ method: "PATCH", template: "/api/telephony/call-logs/{id}", values: { id }, json: { notes: "Asked about Saturday." } })).status).toBe(200);
    expect((await call({ method: "PATCH", template: "/api/telephony/call-logs/{id}", values: { id }, json: { assigneeId: "cm-not-a-member" } })).status).toBe(422);
    expect((await call({ method: "GET", template: "/api/telephony/call-logs", query: "?assignee=me" })).status).toBe(422);

    expect((await call({ method: "GET", template: "/api/salon" })).status).toBe(200);
    expect((await call({ method: "PATCH", template: "/api/salon", json: { city: "Austin", addressLine2: null, directions: "Park behind the building." } })).status).toBe(200);
    const saved = await call({ method: "POST", template: "/api/salon/special-days", json: { date: "2030-12-24", closed: true, periods: [], label: "Christmas Eve" } });
    expect(saved.status).toBe(200);
    expect((await call({ method: "GET", template: "/api/salon/special-days" })).status).toBe(200);
    const dayId = (saved.body as { data: { id: string } }).data.id;
    expect((await call({ method: "DELETE", template: "/api/salon/special-days/{id}", values: { id: dayId } })).status).toBe(200);
    expect((await call({ method: "GET", template: "/api/telephony/phone-number" })).status).toBe(200);
  });

  it("API keys, sign-up and the error shapes", async () => {
    const created = await call({ method: "POST", template: "/api/api-keys", json: { name: "Website", role: "STAFF" } });
    expect(created.status).toBe(201);
    expect((await call({ method: "GET", template: "/api/api-keys" })).status).toBe(200);
    const id = (created.body as { apiKey: { id: string } }).apiKey.id;
    expect((await call({ method: "DELETE", template: "/api/api-keys/{id}", values: { id } })).status).toBe(204);

    const signUp = { salonName: "Docs Salon", ownerName: "Dee", email: "dee@docs-salon.example", password: "a long pass phrase", timeZone: "America/Chicago" };
    expect((await call({ method: "POST", template: "/api/auth/signup", json: signUp })).status).toBe(201);
    expect((await call({ method: "POST", template: "/api/auth/signup", json: signUp })).status).toBe(409);

    // Each documented error status answers the documented error shape.
    expect((await call({ method: "GET", template: "/api/appointments/{id}", values: { id: "nope" } })).status).toBe(404);
    expect((await call({ method: "POST", template: "/api/appointments", json: { customerId: "x", startsAt: "tomorrow" } })).status).toBe(422);
    expect((await call({ method: "GET", template: "/api/salon", key: "bolt_live_wrong" })).status).toBe(401);
    expect((await call({ method: "GET", template: "/api/api-keys", key: staffKey })).status).toBe(403);
    expect((await call({ method: "POST", template: "/api/telephony/provision-phone", json: {} })).status).toBe(409);
  });

  it("customers, employees, services and availability", async () => {
    const customer = await call({ method: "POST", template: "/api/customers", json: { name: "Noor Haddad", phone: "(415) 555-0177", email: "noor@example.com" } });
    expect(customer.status).toBe(201);
    const id = dataOf(customer).id!;
    expect((await call({ method: "POST", template: "/api/customers", json: { name: "Noor H", phone: "415-555-0177" } })).status).toBe(409);
    expect((await call({ method: "GET", template: "/api/customers", query: "?q=noor" })).status).toBe(200);
    expect((await call({ method: "GET", template: "/api/customers/{id}", values: { id: fixtures.customerId! } })).status).toBe(200);
    expect((await call({ method: "PATCH", template: "/api/customers/{id}", values: { id }, json: { notes: "Likes mornings." } })).status).toBe(200);
    const csv = { body: "name,phone,email\nLena Park,(415) 555-0166,\n", headers: { "content-type": "text/csv" } };
    expect((await call({ method: "POST", template: "/api/customers/import", query: "?step=preview", ...csv })).status).toBe(200);
    expect((await call({ method: "POST", template: "/api/customers/import", query: "?step=import", ...csv })).status).toBe(201);
    expect((await call({ method: "GET", template: "/api/customers/export" })).body).toMatch(/^name,/i);
    const twin = await call({ method: "POST", template: "/api/customers", json: { name: "Noor", phone: "(415) 555-0178" } });
    expect((await call({ method: "POST", template: "/api/customers/{id}/merge", values: { id }, json: { mergeId: dataOf(twin).id } })).status).toBe(200);
    expect((await call({ method: "DELETE", template: "/api/customers/{id}", values: { id: fixtures.customerId! } })).status).toBe(409);

    const service = await call({ method: "POST", template: "/api/services", json: { name: "Gloss", category: "Color", durationMinutes: 45, priceCents: 6500 } });
    expect(service.status).toBe(201);
    const serviceId = dataOf(service).id!;
    const tuesday = [{ open: "09:00", close: "12:00" }, { open: "13:00", close: "17:00" }];
    const employee = await call({
      method: "POST",
      template: "/api/employees",
      json: { name: "Priya", phone: "(415) 555-0144", serviceIds: [serviceId], workingHours: { mon: [], tue: tuesday, wed: [], thu: [], fri: [], sat: [], sun: [] } },
    });
    expect(employee.status).toBe(201);
    const employeeId = dataOf(employee).id!;
    const timeOff = [{ startsAt: "2031-03-25T00:00:00-04:00", endsAt: "2031-03-26T00:00:00-04:00", note: "Course" }];
    expect((await call({ method: "PATCH", template: "/api/employees/{id}", values: { id: employeeId }, json: { timeOff } })).status).toBe(200);
    expect((await call({ method: "GET", template: "/api/employees", query: "?active=true" })).status).toBe(200);
    expect((await call({ method: "GET", template: "/api/employees/{id}", values: { id: employeeId } })).status).toBe(200);
    expect((await call({ method: "PATCH", template: "/api/services/{id}", values: { id: serviceId }, json: { priceCents: 7000 } })).status).toBe(200);
    expect((await call({ method: "GET", template: "/api/services", query: "?q=gloss" })).status).toBe(200);
    expect((await call({ method: "GET", template: "/api/services/{id}", values: { id: serviceId } })).status).toBe(200);

    const slots = await call({ method: "GET", template: "/api/availability", query: `?serviceId=${serviceId}&from=2031-03-18T00:00:00-04:00&to=2031-03-19T00:00:00-04:00` });
    expect((slots.body as { data: { slots: unknown[] } }).data.slots.length).toBeGreaterThan(0);

    expect((await call({ method: "DELETE", template: "/api/employees/{id}", values: { id: employeeId } })).status).toBe(200);
    expect((await call({ method: "DELETE", template: "/api/services/{id}", values: { id: serviceId } })).status).toBe(200);
    expect((await call({ method: "POST", template: "/api/services", key: staffKey, json: { name: "Trim", durationMinutes: 30, priceCents: 3000 } })).status).toBe(403);

    expect((await call({ method: "GET", template: "/api/waitlist", query: "?status=waiting,offered&limit=5" })).status).toBe(200);
    expect((await call({ method: "DELETE", template: "/api/waitlist/{id}", values: { id: fixtures.waitlistEntryId! } })).status).toBe(200);
    expect((await call({ method: "DELETE", template: "/api/waitlist/{id}", values: { id: fixtures.waitlistEntryId! } })).status).toBe(404);
  });

  it("serves the document itself, public and cacheable", async () => {
    const { GET } = await import("@/app/api/openapi.json/route");
    const res = GET();
    expect(res.headers.get("cache-control")).toMatch(/^public/);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});

// ——— An independent validator: Stoplight Prism, proxying to the route handlers ———

/** Serves the app's route handlers over HTTP (Prism proxies to a URL): path → template → handler. */
function startRouteServer(): Promise<Server> {
  const doc = openApiDocument() as unknown as Parameters<typeof matchPathTemplate>[0];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost:3000");
    const template = matchPathTemplate(doc, url.pathname);
    const names = [...(template ?? "").matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const pattern = new RegExp(`^${(template ?? "").replace(/\{[^}]+\}/g, "([^/]+)")}$`);
    const values = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(pattern.exec(url.pathname)?.[i + 1] ?? "")]));
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const route = (await import(path.join(APP_DIR, ...(template ?? "").replace(/\{([^}]+)\}/g, "[$1]").split("/"), "route.ts"))) as Record<string, (r: Request, c: unknown) => Promise<Response>>;
    const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
    const request = apiRequest(url.pathname + url.search, { method: req.method, headers: Object.fromEntries(headers), body: chunks.length ? Buffer.concat(chunks).toString() : undefined });
    const answer = await route[req.method ?? "GET"]!(request, { params: Promise.resolve(values) });
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("Stoplight Prism, proxying real requests", () => {
  it("loads the document and finds no violation in the requests or the answers", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bolt-openapi-"));
    const spec = path.join(dir, "openapi.json");
    writeFileSync(spec, JSON.stringify(openApiDocument()));
    const server = await startRouteServer();
    const prism = await startPrismProxy({ spec, upstream: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    try {
      const auth = { authorization: `Bearer ${key}` };
      const json = { ...auth, "content-type": "application/json" };
      const requests: Array<[string, string, Record<string, string>, string?]> = [
        ["GET", "/api/salon", auth],
        ["GET", "/api/telephony/notifications?limit=3", auth],
        ["GET", `/api/telephony/call-logs/${fixtures.callId}`, auth],
        ["GET", `/api/telephony/conversations/${fixtures.customerId}`, auth],
        ["GET", "/api/customers?q=ava", auth],
        ["POST", "/api/services", json, JSON.stringify({ name: "Blowout", durationMinutes: 45, priceCents: 4500 })],
        ["GET", "/api/appointments/cm0nothere0000000000000000", auth],
        ["GET", "/api/salon", { authorization: "Bearer bolt_live_wrong" }],
      ];
      const found: string[] = [];
      for (const [method, url, headers, body] of requests) {
        const res = await fetch(prism.url + url, { method, headers, body });
        await res.arrayBuffer();
        const violations = JSON.parse(res.headers.get("sl-violations") ?? "[]") as Array<{ location: string[]; message: string }>;
        found.push(...violations.map((v) => `${method} ${url} → ${res.status}: ${v.location.join(".")} ${v.message}`));
      }
      expect(found).toEqual([]);
    } finally {
      await prism.close();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
