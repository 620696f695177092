// `npx tsx bench/security-headers.ts http://localhost:3000`: a census of the security headers on a
// running Bolt (`npm start` with the demo salon): every page and every route method found under app/,
// requested anonymously and signed in as the demo owner. Prints, per header, how many responses
// carried it. Needs Chromium for the sign-in (CHROMIUM_PATH, default /usr/bin/chromium).
import { chromium, request, type APIRequestContext } from "@playwright/test";
import { fillPattern, listAppEntries } from "../e2e/security/app-paths";

const baseURL = process.argv[2] ?? "http://localhost:3000";
const OWNER = { email: "owner@demo.bolt", password: "demo-owner-pass" };

type Row = { api: boolean; headers: Record<string, string> };

async function census(client: APIRequestContext): Promise<Row[]> {
  const rows: Row[] = [];
  for (const entry of listAppEntries()) {
    const path = fillPattern(entry.pattern, { nextauth: "session" }, "no-such-id");
    for (const method of entry.methods) {
      const res = await client.fetch(path, {
        method,
        maxRedirects: 0,
        ...(method === "GET" ? {} : { data: {}, headers: { Origin: baseURL } }),
      });
      rows.push({ api: path.startsWith("/api/"), headers: res.headers() });
    }
  }
  return rows;
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  const page = await browser.newPage({ baseURL });
  await page.goto("/login");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  const anonymous = await request.newContext({ baseURL });
  const rows = [...(await census(anonymous)), ...(await census(page.request))];
  await browser.close();

  const entries = listAppEntries();
  const pages = rows.filter((r) => !r.api);
  const apis = rows.filter((r) => r.api);
  console.log(
    `${entries.filter((e) => e.kind === "page").length} pages, ${entries.filter((e) => e.kind === "route").length} routes: ` +
      `${pages.length} page responses, ${apis.length} API responses (anonymous + owner)`,
  );
  const count = (list: Row[], ok: (h: Record<string, string>) => boolean) => `${list.filter((r) => ok(r.headers)).length}/${list.length}`;
  const checks: [string, (h: Record<string, string>) => boolean][] = [
    ["Content-Security-Policy with frame-ancestors 'none'", (h) => /frame-ancestors 'none'/.test(h["content-security-policy"] ?? "")],
    ["  … with a script nonce", (h) => /'nonce-/.test(h["content-security-policy"] ?? "")],
    ["X-Frame-Options: DENY", (h) => h["x-frame-options"] === "DENY"],
    ["X-Content-Type-Options: nosniff", (h) => h["x-content-type-options"] === "nosniff"],
    ["Referrer-Policy", (h) => Boolean(h["referrer-policy"])],
    ["Permissions-Policy", (h) => Boolean(h["permissions-policy"])],
    ["Cross-Origin-Opener-Policy", (h) => Boolean(h["cross-origin-opener-policy"])],
    ["Cache-Control with no-store", (h) => /no-store/.test(h["cache-control"] ?? "")],
  ];
  for (const [name, ok] of checks) console.log(`${name.padEnd(52)} pages ${count(pages, ok).padStart(7)}   API ${count(apis, ok).padStart(7)}`);
  await anonymous.dispose();
}

await main();
