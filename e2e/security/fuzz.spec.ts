// Hostile input against every route the app has (read from app/**/route.ts) × every method it exports:
// fields and parameters named like Object.prototype's properties, NUL and unpaired surrogates in body,
// query and path, %ff / %00 in the path, TRACE, wrong content types, bodies over the cap (declared and
// chunked); anonymous and with the owner's API key, and for webhooks unsigned and signed with the
// sandbox's token. Nothing may answer 5xx; a 4xx is JSON with a string `code`; no body shows a stack
// trace, SQL or a file path. Totals are printed for the issue's figures.
import { expect, test } from "@playwright/test";
import { signTwilioRequest } from "@/lib/telephony/signature";
import { OWNER } from "../support";
import { sandboxAccount } from "../twilio";
import { listAppEntries } from "./app-paths";
import { send, type Answer, type Sent } from "./fuzz-kit";

const PROPS = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty"];
const JSON_TYPE = "application/json";
const FORM_TYPE = "application/x-www-form-urlencoded";
const DEMO_NUMBER = "+14155550142";
const KNOWN_ROUTES = [
  "/api/salon", "/api/api-keys", "/api/api-keys/[id]", "/api/appointments/[id]", "/api/auth/[...nextauth]", "/api/auth/signup",
  "/api/telephony/sms", "/api/telephony/call-logs/[id]", "/api/telephony/conversations/[customerId]/reply",
  "/api/telephony/inbound-messages/[id]/media/[index]", "/api/webhooks/twilio/sms", "/api/webhooks/twilio/voice/status",
];
const LEAKS = [/at \//, /node_modules/, /\.ts:/, /\bSELECT\b/, /prisma/i, /postgres/i, /file:\/\//, /node:internal/, new RegExp(process.cwd().replace(/[/.]/g, "\\$&"))];
const GARBAGE_ID = "cm0fuzz0000000000000000000";

type Case = Sent & { name: string; notARoute?: boolean };
type Mode = "anonymous" | "key" | "unsigned" | "signed";

test("no route answers hostile input with a 5xx, a non-JSON error or internals", async ({ baseURL }) => {
  test.setTimeout(600_000);
  const base = new URL(baseURL ?? "");
  // From app/**/route.ts, so a new route can't be missed.
  const routes = listAppEntries().filter((e) => e.kind === "route");
  expect(routes.map((r) => r.pattern)).toEqual(expect.arrayContaining(KNOWN_ROUTES));
  expect(routes.find((r) => r.pattern === "/api/auth/[...nextauth]")?.methods).toEqual(["GET", "POST"]);

  const owner = await ownerSession(base);
  const keys = keyPool(base, owner);
  const realIds = await demoIds(base, await keys.next(), await createKey(base, await keys.next(), "fuzz: revoked by DELETE"));
  const { authToken } = sandboxAccount();

  const totals = { sent: 0, "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0, "no answer": 0, authJsNotJson: 0, nextNotFoundPage: 0, benchRouteOff: 0, uploadCutOff: 0 };
  const failures: string[] = [];

  for (const route of routes) {
    const webhook = route.pattern.startsWith("/api/webhooks/");
    const modes: Mode[] = webhook ? ["unsigned", "signed"] : ["anonymous", "key"];
    const [first, ...others] = concretePaths(route.pattern, realIds);
    for (const method of route.methods) {
      const all: Case[] = [
        ...casesFor(first ?? route.pattern, method, webhook),
        ...others.map((p) => ({ ...plainCase(p, method, webhook), name: `plain at ${p}` })),
        ...pathCases(route.pattern, method, webhook),
      ];
      for (const mode of modes) {
        for (const c of all) {
          const sent = await authorize(c, mode, { keys, authToken, publicBase: base.origin });
          record(route.pattern, `${method} ${c.name} (${mode})`, c, await send(base, sent));
        }
      }
    }
    record(route.pattern, "TRACE (anonymous)", { name: "TRACE", method: "TRACE", path: first ?? route.pattern }, await send(base, { method: "TRACE", path: first ?? route.pattern }));
  }

  console.log(`fuzz totals: ${JSON.stringify(totals)}`);
  expect(failures).toEqual([]);

  function record(pattern: string, what: string, c: Case, answer: Answer) {
    totals.sent++;
    if ("error" in answer) {
      // Closing the connection on a body past the cap is a refusal too (the answer may be lost with the
      // socket): counted, not failed. An upload the server waits on forever is a failure (no answer).
      const oversized = c.declaredLength !== undefined || c.chunkedBytes !== undefined;
      if (oversized && /EPIPE|ECONNRESET/.test(answer.error)) return void totals.uploadCutOff++;
      totals["no answer"]++;
      return void failures.push(`${pattern} ${what}: ${answer.error}`);
    }
    const klass = `${Math.floor(answer.status / 100)}xx` as "2xx" | "3xx" | "4xx" | "5xx";
    totals[klass]++;
    const type = String(answer.headers["content-type"] ?? "");
    const text = /json|text|html|xml/.test(type) || type === "" ? answer.body.toString("utf8") : "";
    const fail = (why: string) => failures.push(`${pattern} ${what} → ${answer.status}: ${why} ${text.slice(0, 160)}`);
    const leak = LEAKS.find((re) => re.test(text));
    if (leak) fail(`body shows internals (${leak})`);
    if (answer.status >= 500) return void fail("5xx");
    if (answer.status < 400) return;
    let code: unknown;
    try {
      code = (JSON.parse(text) as { code?: unknown }).code;
    } catch {
      code = undefined;
    }
    if (typeof code === "string") return;
    // Honest exceptions, counted in the totals: Auth.js's own endpoints (any /api/auth/* but sign-up,
    // a suffix on sign-up included) answer its errors its way; a path that is no route of ours (a suffix
    // on a static route) gets Next's 404 page; the bench route is a plain 404 unless BOLT_BENCH_ROUTES.
    if (/^\/api\/auth\/(?!signup(\?|$))/.test(c.path)) return void totals.authJsNotJson++;
    if (c.notARoute && answer.status === 404) return void totals.nextNotFoundPage++;
    if (pattern === "/api/bench/twiml" && answer.status === 404) return void totals.benchRouteOff++;
    fail("4xx without a JSON code");
  }
});

/** Samples for a pattern's dynamic segments: a real id of the demo salon where one is known, then garbage. */
function concretePaths(pattern: string, realIds: Record<string, string | undefined>): string[] {
  if (pattern === "/api/auth/[...nextauth]") {
    return ["callback/credentials", "signout", "session", "csrf", "providers", "signin", "error", "no/such/action"].map((a) => `/api/auth/${a}`);
  }
  if (!pattern.includes("[")) return [pattern];
  const fill = (id: (name: string) => string) => pattern.replace(/\[(\w+)\]/g, (_m, name: string) => (name === "index" ? "0" : id(name)));
  const real = realIds[pattern];
  return [...(real ? [fill(() => real)] : []), fill(() => GARBAGE_ID)];
}

function plainCase(p: string, method: string, webhook: boolean): Case {
  if (method === "GET" || method === "HEAD") return { name: "plain", method, path: p };
  return webhook
    ? { name: "plain", method, path: p, headers: { "content-type": FORM_TYPE }, body: new URLSearchParams(smsParams()).toString() }
    : { name: "plain", method, path: p, headers: { "content-type": JSON_TYPE }, body: "{}" };
}

function casesFor(p: string, method: string, webhook: boolean): Case[] {
  const hasBody = method !== "GET" && method !== "HEAD";
  const plain = plainCase(p, method, webhook);
  const withQuery = (name: string, query: string): Case => ({ ...plain, name, path: `${p}?${query}` });
  const json = (name: string, body: string): Case => ({ name, method, path: p, headers: { "content-type": JSON_TYPE }, body });
  const form = (name: string, body: string): Case => ({ name, method, path: p, headers: { "content-type": FORM_TYPE }, body });
  const smsForm = (extra: Record<string, string>) => new URLSearchParams({ ...smsParams(), ...extra }).toString();
  const cases: Case[] = [plain, ...PROPS.map((prop) => withQuery(`query ${prop}`, `${prop}=1`)), withQuery("NUL in query", "q=a%00b&status=%00&cursor=%00&limit=%00")];
  if (hasBody && webhook) {
    cases.push(
      ...PROPS.map((prop) => form(`field ${prop}`, smsForm({ [prop]: "1" }))),
      form("NUL in Body and To", smsForm({ Body: "a\u0000b", To: `${DEMO_NUMBER}\u0000` })),
      form("NUL in a key", smsForm({ "Body\u0000": "x" })),
      form("surrogate bytes in Body", `${smsForm({})}&Body=%ED%A0%80`),
      json("JSON to a form webhook", JSON.stringify(smsParams())),
    );
  } else if (hasBody) {
    cases.push(
      ...PROPS.map((prop) => json(`field ${prop}`, `{"${prop}":1}`)),
      json("prototype keys nested", '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}'),
      json("NUL in strings", String.raw`{"body":"a\u0000b","name":"a\u0000","phone":"\u0000","customerId":"\u0000","salonName":"\u0000","email":"a\u0000@b.co"}`),
      json("NUL in a key", String.raw`{"a\u0000":1}`),
      json("unpaired surrogates", String.raw`{"body":"\ud800","name":"x\udfff","salonName":"\ud800\ud800"}`),
      { ...form("form to a JSON route", "a=1&body=x") },
    );
  }
  if (hasBody) {
    cases.push(
      { name: "text/plain", method, path: p, headers: { "content-type": "text/plain" }, body: plain.body ?? "" },
      { name: "multipart", method, path: p, headers: { "content-type": "multipart/form-data; boundary=x" }, body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n' },
      { name: "xml", method, path: p, headers: { "content-type": "application/xml" }, body: "<a>1</a>" },
      { name: "no content type", method, path: p, body: plain.body ?? "" },
    );
  }
  const type = webhook ? FORM_TYPE : JSON_TYPE;
  cases.push(
    { name: "Content-Length of 300 MB", method, path: p, headers: { "content-type": type }, declaredLength: 300 * 1024 * 1024 },
    { name: "chunked 6 MB", method, path: p, headers: { "content-type": type }, chunkedBytes: 6 * 1024 * 1024 },
  );
  return cases;
}

/** %00, %ff, an encoded surrogate and a traversal in each dynamic segment; on a static route, the same as a suffix (no route: Next's 404). */
function pathCases(pattern: string, method: string, webhook: boolean): Case[] {
  if (pattern === "/api/auth/[...nextauth]") return ["%00", "%ff", "a%00b/%ff"].map((s) => ({ ...plainCase(`/api/auth/${s}`, method, webhook), name: `path ${s}` }));
  const hostile = ["%00", "a%00b", "%ff", "%ED%A0%80", "..%2F..%2Fetc%2Fpasswd"];
  if (pattern.includes("[")) {
    return hostile.map((s) => ({ ...plainCase(pattern.replace(/\[(\w+)\]/g, s), method, webhook), name: `path ${s}` }));
  }
  return ["%00", "%ff"].map((s) => ({ ...plainCase(`${pattern}${s}`, method, webhook), name: `path suffix ${s}`, notARoute: true }));
}

function smsParams(): Record<string, string> {
  const sid = `SM${Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join("")}`;
  const { accountSid } = sandboxAccount();
  return { AccountSid: accountSid, ApiVersion: "2010-04-01", Body: "fuzz", From: "+14155550199", MessageSid: sid, NumMedia: "0", SmsSid: sid, SmsStatus: "received", To: DEMO_NUMBER };
}

async function authorize(c: Case, mode: Mode, ctx: { keys: ReturnType<typeof keyPool>; authToken: string; publicBase: string }): Promise<Sent> {
  const headers = { ...c.headers };
  if (mode === "key") headers.authorization = `Bearer ${await ctx.keys.next()}`;
  if (mode === "signed") {
    // Signed over the parameters as the server will decode them, so hostile values get past the signature.
    const params = c.body && headers["content-type"] === FORM_TYPE ? Object.fromEntries(new URLSearchParams(c.body)) : {};
    headers["x-twilio-signature"] = signTwilioRequest(ctx.authToken, `${ctx.publicBase}${c.path}`, params);
  }
  return { ...c, headers };
}

type Session = { cookie: string };

async function ownerSession(base: URL): Promise<Session> {
  const csrf = await send(base, { method: "GET", path: "/api/auth/csrf" });
  if ("error" in csrf) throw new Error(`csrf: ${csrf.error}`);
  const csrfCookie = cookiesOf(csrf.headers);
  const { csrfToken } = JSON.parse(csrf.body.toString()) as { csrfToken: string };
  const body = new URLSearchParams({ ...OWNER, csrfToken, callbackUrl: `${base.origin}/` }).toString();
  const login = await send(base, { method: "POST", path: "/api/auth/callback/credentials", headers: { "content-type": FORM_TYPE, cookie: csrfCookie, origin: base.origin }, body });
  if ("error" in login) throw new Error(`login: ${login.error}`);
  return { cookie: [csrfCookie, cookiesOf(login.headers)].join("; ") };
}

function cookiesOf(headers: Record<string, string | string[] | undefined>): string {
  const set = headers["set-cookie"];
  return (Array.isArray(set) ? set : set ? [set] : []).map((c) => c.split(";")[0]).join("; ");
}

/** An owner key, made with the owner's session or with an owner key (which spends that key's allowance, not the owner's). */
async function createKey(base: URL, by: Session | string, name: string): Promise<{ key: string; id: string }> {
  const auth: Record<string, string> = typeof by === "string" ? { authorization: `Bearer ${by}` } : { cookie: by.cookie, origin: base.origin };
  const res = await send(base, {
    method: "POST",
    path: "/api/api-keys",
    headers: { "content-type": JSON_TYPE, ...auth },
    body: JSON.stringify({ name }),
  });
  if ("error" in res || res.status !== 201) throw new Error(`creating an API key: ${"error" in res ? res.error : `${res.status} ${res.body}`}`);
  const created = JSON.parse(res.body.toString()) as { key: string; apiKey: { id: string } };
  return { key: created.key, id: created.apiKey.id };
}

/**
 * Owner keys, a new one every 50 requests: each key has its own allowance under the API limit. The first
 * is made with the owner's session, each next one by the key before it, so the owner's own allowance
 * (which later specs signed in as the owner share) is spent once.
 */
function keyPool(base: URL, owner: Session) {
  let current: string | null = null;
  let uses = 0;
  return {
    async next(): Promise<string> {
      if (!current || uses >= 50) {
        current = (await createKey(base, current ?? owner, `fuzz ${Date.now()}`)).key;
        uses = 0;
      }
      uses++;
      return current;
    },
  };
}

/** Real ids of the demo salon for the routes that take one; the api-keys/[id] one is a key made to be revoked. */
async function demoIds(base: URL, key: string, doomed: { id: string }): Promise<Record<string, string | undefined>> {
  const first = async (listPath: string, field = "id") => {
    const res = await send(base, { method: "GET", path: listPath, headers: { authorization: `Bearer ${key}` } });
    if ("error" in res || res.status !== 200) return undefined;
    const row = (JSON.parse(res.body.toString()) as { data?: Array<Record<string, unknown>> }).data?.[0];
    const value = row?.[field];
    return typeof value === "string" ? value : undefined;
  };
  const callLog = await first("/api/telephony/call-logs");
  const customerId = await first("/api/telephony/conversations", "customerId");
  return {
    "/api/api-keys/[id]": doomed.id,
    "/api/appointments/[id]": undefined,
    "/api/telephony/call-logs/[id]": callLog,
    "/api/telephony/call-logs/[id]/recording": callLog,
    "/api/telephony/notifications/[id]": await first("/api/telephony/notifications"),
    "/api/telephony/conversations/[customerId]": customerId,
    "/api/telephony/conversations/[customerId]/read": customerId,
    "/api/telephony/conversations/[customerId]/reply": customerId,
  };
}
