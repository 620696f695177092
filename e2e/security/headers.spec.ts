// Security headers on every page and API route the app has (listed from app/ by app-paths.ts), signed
// in as the owner and not: each page's CSP nonce is fresh and on its scripts; API answers (errors and
// Auth.js's included) are never cached. Then the admin UI in a browser: no CSP violation anywhere.
import { expect, request as newRequest, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { fillPattern, listAppEntries } from "./app-paths";
import { logIn, OWNER } from "../support";

const entries = listAppEntries();
const GARBAGE_ID = "no-such-id";
// The media relays keep their own private caching (lib/security/headers.ts).
const OWN_CACHING = /^\/api\/telephony\/(call-logs\/[^/]+\/recording|inbound-messages\/[^/]+\/media\/[^/]+)$/;
// The OpenAPI document describes routes, never a salon's data: public and cacheable.
const PUBLIC_CACHING = /^\/api\/openapi\.json$/;

type Checked = { label: string; path: string; res: APIResponse };

/** Demo ids for the dynamic pages, read from the list pages' links (a garbage id is used too). */
async function demoIds(page: Page): Promise<Record<string, string | undefined>> {
  const firstId = async (list: string, prefix: string) => {
    await page.goto(list);
    const hrefs = await page.locator(`a[href^="${prefix}"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const ids = hrefs.map((h) => h?.slice(prefix.length).split(/[?#/]/)[0]).filter((id) => id && id !== "send");
    return ids[0];
  };
  return {
    callId: await firstId("/calls", "/calls/"),
    customerId: await firstId("/messages", "/messages/"),
    id: await firstId("/notifications", "/notifications/"),
  };
}

/** Every page and every method of every route, by `client`; POSTs carry an empty JSON object. */
async function requestAll(client: APIRequestContext, who: string, ids: Record<string, string | undefined>) {
  const checked: Checked[] = [];
  const origin = test.info().project.use.baseURL!;
  for (const entry of entries) {
    const paths = new Set([fillPattern(entry.pattern, { ...ids, nextauth: "session" }, GARBAGE_ID)]);
    if (entry.kind === "page") paths.add(fillPattern(entry.pattern, {}, GARBAGE_ID));
    for (const path of paths)
      for (const method of entry.methods) {
        const res = await client.fetch(path, {
          method,
          maxRedirects: 0,
          ...(method === "GET" ? {} : { data: {}, headers: { Origin: origin } }),
        });
        checked.push({ label: `${who} ${method} ${path} → ${res.status()}`, path, res });
      }
  }
  return checked;
}

/** What each response must carry; returns the problems found. */
function problemsWith({ path, res }: Checked): string[] {
  const h = res.headers();
  const problems: string[] = [];
  const want = (name: string, ok: (v: string) => boolean) => {
    if (!h[name] || !ok(h[name])) problems.push(`${name}: ${h[name] ?? "(missing)"}`);
  };
  want("x-content-type-options", (v) => v === "nosniff");
  want("x-frame-options", (v) => v === "DENY");
  want("referrer-policy", (v) => v === "strict-origin-when-cross-origin");
  want("permissions-policy", (v) => v.includes("camera=()") && v.includes("microphone=()"));
  want("cross-origin-opener-policy", (v) => v === "same-origin");
  want("content-security-policy", (v) => v.includes("frame-ancestors 'none'"));
  if (h["strict-transport-security"]) problems.push("HSTS over plain http");
  if (path.startsWith("/api/")) {
    want("content-security-policy", (v) => v.startsWith("default-src 'none'"));
    // The relays' own errors (401, 404, 429) carry no caching header at all; their files say private.
    // A path no route serves gets Next's HTML 404, with Next's own "…, no-store, …".
    if (PUBLIC_CACHING.test(path)) want("cache-control", (v) => v.startsWith("public"));
    else if (!OWN_CACHING.test(path)) want("cache-control", (v) => /(^|, )no-store(,|$)/.test(v));
    else if (/public/.test(h["cache-control"] ?? "")) problems.push(`cache-control: ${h["cache-control"]}`);
  } else {
    want("content-security-policy", (v) => /script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'( |;)/.test(v));
    want("content-security-policy", (v) => v.includes("object-src 'none'") && !v.includes("upgrade-insecure-requests"));
  }
  return problems;
}

const nonceOf = (res: APIResponse) => /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];

test("the list of pages and routes comes from the app itself", () => {
  const patterns = entries.map((e) => e.pattern);
  for (const known of ["/login", "/", "/calls/[callId]", "/settings/api-keys", "/api/salon", "/api/auth/[...nextauth]", "/api/webhooks/twilio/sms"])
    expect(patterns).toContain(known);
  expect(entries.filter((e) => e.kind === "page").length).toBeGreaterThanOrEqual(15);
  expect(entries.filter((e) => e.kind === "route").length).toBeGreaterThanOrEqual(30);
  expect(entries.find((e) => e.pattern === "/api/auth/[...nextauth]")?.methods).toEqual(["GET", "POST"]);
});

test("every page and route carries the security headers, signed in and not", async ({ page, baseURL }) => {
  test.setTimeout(120_000); // ~130 requests, a server render for each page
  await logIn(page, OWNER);
  const ids = await demoIds(page);
  const anonymous = await newRequest.newContext({ baseURL });
  const checked = [...(await requestAll(anonymous, "anonymous", ids)), ...(await requestAll(page.request, "owner", ids))];

  // Static files and the 404 of a path nothing serves.
  const login = await page.request.get("/login");
  const chunk = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(await login.text())?.[1];
  expect(chunk).toBeTruthy();
  const statics = [chunk!, "/icon.svg", "/manifest.webmanifest", "/no/such/page", "/api/no/such/route"];
  for (const path of statics) checked.push({ label: `GET ${path}`, path, res: await anonymous.get(path) });

  const problems = checked.flatMap((c) => {
    if (c.path.startsWith("/_next/static/") || /\.(svg|webmanifest)$/.test(c.path))
      return c.res.headers()["x-content-type-options"] === "nosniff" ? [] : [`${c.label}: no nosniff`];
    return problemsWith(c).map((p) => `${c.label}: ${p}`);
  });
  expect(problems).toEqual([]);
  expect(checked.filter((c) => c.res.status() >= 500).map((c) => c.label)).toEqual([]);
  // An unknown id is an HTTP 404, checked before any loading skeleton streams a 200 (require-salon-record.ts).
  const unknown = ["/calls", "/messages", "/notifications", "/customers", "/staff", "/services"].map((list) => `${list}/${GARBAGE_ID}`);
  const unknownAnswers = checked.filter((c) => c.label.startsWith("owner") && unknown.includes(c.path));
  expect(unknownAnswers.map((c) => `${c.path} ${c.res.status()}`).sort()).toEqual(unknown.map((p) => `${p} 404`).sort());

  // A rendered page's scripts all carry the nonce of its own response.
  const pages = checked.filter((c) => !c.path.startsWith("/api/") && c.res.headers()["content-type"]?.startsWith("text/html"));
  expect(pages.length).toBeGreaterThan(15);
  for (const { label, res } of pages) {
    const nonce = nonceOf(res);
    const scripts = [...(await res.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length, label).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, label).toContain(`nonce="${nonce}"`);
  }
  const nonces = new Set(pages.map(({ res }) => nonceOf(res)));
  expect(nonces.size).toBe(pages.length);

  const pageCount = new Set(checked.filter((c) => !c.path.startsWith("/api/")).map((c) => c.path)).size;
  const routeCount = new Set(checked.filter((c) => c.path.startsWith("/api/")).map((c) => c.path)).size;
  console.log(`security headers: ${checked.length} responses (${pageCount} page paths, ${routeCount} API paths), 0 problems`);
  await anonymous.dispose();
});

test("HSTS and upgrade-insecure-requests only behind a proxy that says https", async ({ request }) => {
  const https = { "X-Forwarded-Proto": "https" };
  for (const path of ["/login", "/api/salon"]) {
    expect((await request.get(path, { headers: https })).headers()["strict-transport-security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
    expect((await request.get(path)).headers()["strict-transport-security"]).toBeUndefined();
  }
  expect((await request.get("/login", { headers: https })).headers()["content-security-policy"]).toContain(
    "upgrade-insecure-requests",
  );
});

test("the admin UI works under its CSP without a single violation", async ({ page }) => {
  test.setTimeout(240_000); // every admin page in turn (minutes on a loaded 2-core box)
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(msg.text())) violations.push(`${page.url()}: ${msg.text()}`);
  });
  await page.exposeFunction("reportCspViolation", (v: string) => violations.push(`${page.url()}: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });

  await logIn(page, OWNER);
  const ids = await demoIds(page);
  for (const entry of entries.filter((e) => e.kind === "page" && !["/login", "/signup"].includes(e.pattern))) {
    await page.goto(fillPattern(entry.pattern, ids, GARBAGE_ID));
    await expect(page.locator("main")).toBeVisible();
  }

  // Radix Select (portal, scroll lock) and a sonner toast after a save that changes nothing.
  await page.goto("/settings");
  await page.getByLabel("Time zone").click();
  await expect(page.getByRole("listbox")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();

  // A Radix dialog.
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // The voicemail player loads from Bolt's recording relay (media-src).
  await page.goto("/calls?outcome=VOICEMAIL");
  await page.locator('a[href^="/calls/"]:visible').first().click(); // the table's link (the phone card's is hidden at this width)
  const audio = page.getByLabel("Voicemail recording");
  await expect(audio).toBeVisible();
  const relayed = page.waitForResponse((res) => /\/recording$/.test(new URL(res.url()).pathname));
  await audio.evaluate((el: HTMLAudioElement) => el.play().catch(() => undefined));
  await relayed;

  // The sign-up and login pages as a stranger sees them.
  await page.context().clearCookies();
  for (const path of ["/signup", "/login"]) {
    await page.goto(path);
    await expect(page.getByRole("button").first()).toBeVisible();
  }
  expect(violations).toEqual([]);
});
