// axe (WCAG 2.1 A/AA rules) on the sign-in page and every admin page the app has (listed from app/ by
// app-paths.ts, so a new page can't be left out) at 1280 px, and again at 390 px on the pages whose phone
// layout has parts of its own (cards, the Filters bar and its sheet, the sticky thread header, the
// settings tab strip, the calendar's scroll): no serious or critical violation. The DOM is the same at
// both widths elsewhere, and one axe pass costs seconds on a loaded 2-core box. One page, signed in once.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { fillPattern, listAppEntries } from "../security/app-paths";
import { logIn, OWNER } from "../support";

const WIDTHS = [1280, 390];
const PHONE_PAGES = ["/login", "/", "/calls", "/notifications", "/messages", "/messages/[customerId]", "/settings", "/appointments"];
const SIGNED_OUT = /^\/(login|signup|forgot-password|invite|reset-password)(\/|$)/;
const ADMIN_PAGES = listAppEntries()
  .filter((e) => e.kind === "page" && !SIGNED_OUT.test(e.pattern))
  .map((e) => e.pattern);

/** The first id each list links to, for the detail pages. */
async function demoIds(page: Page): Promise<Record<string, string | undefined>> {
  const firstId = async (list: string, prefix: string) => {
    await page.goto(list);
    const hrefs = await page.locator(`a[href^="${prefix}"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    return hrefs.map((h) => h?.slice(prefix.length).split(/[?#/]/)[0]).find((id) => id && !["new", "import", "send"].includes(id));
  };
  return {
    callId: await firstId("/calls", "/calls/"),
    customerId: await firstId("/customers", "/customers/"),
    id: await firstId("/notifications", "/notifications/"),
    serviceId: await firstId("/services", "/services/"),
    employeeId: await firstId("/staff", "/staff/"),
  };
}

/** Serious and critical violations on what the page shows now, one line per rule. */
async function problems(page: Page, where: string, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (include) builder.include(include);
  // The API reference repeats one card per operation (a minute of axe for all): the first of each section stands for the rest.
  if (where.endsWith(" /docs/api")) builder.exclude("main article ~ article");
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${where}: ${v.id} (${v.impact}) ×${v.nodes.length}, e.g. ${v.nodes[0]?.target.join(" ")}`);
}

async function visit(page: Page, path: string) {
  await page.goto(path);
  // Past the loading skeleton (its "Loading …" status) to the page itself.
  await expect(page.locator("main, form").first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
}

// A trace would snapshot every one of axe's in-page evaluations, which multiplies its cost.
test.use({ trace: "off" });

test("no serious accessibility violation on any page (1280 px; 390 px where phones differ)", async ({ page }) => {
  test.setTimeout(600_000); // ~40 axe passes of 2–15 s each on a loaded 2-core box
  const found: string[] = [];
  // Each page loads once and is checked at each of its widths in turn (the layout follows the viewport).
  const check = async (pattern: string, path: string) => {
    await page.setViewportSize({ width: WIDTHS[0]!, height: 900 });
    await visit(page, path);
    for (const width of PHONE_PAGES.includes(pattern) ? WIDTHS : WIDTHS.slice(0, 1)) {
      await page.setViewportSize({ width, height: 900 });
      found.push(...(await problems(page, `${width} ${path}`)));
    }
  };
  await check("/login", "/login");
  await logIn(page, OWNER);
  const ids = await demoIds(page);
  for (const pattern of ADMIN_PAGES) await check(pattern, fillPattern(pattern, ids, "missing-demo-id"));
  // The phone's filter sheet, open.
  await visit(page, "/calls");
  await page.getByRole("button", { name: /^Filters/ }).click();
  await expect(page.getByRole("dialog", { name: "Filter calls" })).toBeVisible();
  found.push(...(await problems(page, "390 /calls filter sheet", '[role="dialog"]')));

  console.log(`axe: ${ADMIN_PAGES.length + 1} pages at 1280 px, ${PHONE_PAGES.length} at 390 px and the filter sheet: ${found.length} serious or critical`);
  expect(found).toEqual([]);
});
