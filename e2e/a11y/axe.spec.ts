// axe (WCAG 2.1 A/AA rules) on the sign-in page and every admin page the app has (listed from app/ by
// app-paths.ts, so a new page can't be left out), at 1280 and 390 px, plus the phone's filter sheet:
// no serious or critical violation. One browser page, signed in once.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { fillPattern, listAppEntries } from "../security/app-paths";
import { logIn, OWNER } from "../support";

const WIDTHS = [1280, 390];
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
  const { violations } = await (include ? builder.include(include) : builder).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${where}: ${v.id} (${v.impact}) ×${v.nodes.length}, e.g. ${v.nodes[0]?.target.join(" ")}`);
}

async function visit(page: Page, path: string) {
  await page.goto(path);
  // Past the loading skeleton (its "Loading …" status) to the page itself.
  await expect(page.locator("h1:visible, h2:visible").first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
}

test("no serious accessibility violation on any page, at 1280 and 390 px", async ({ page }) => {
  test.setTimeout(300_000); // ~30 pages twice on a loaded 2-core box
  const found: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await visit(page, "/login");
    found.push(...(await problems(page, `${width} /login`)));
  }
  await logIn(page, OWNER);
  const ids = await demoIds(page);
  const paths = ADMIN_PAGES.map((pattern) => fillPattern(pattern, ids, "missing-demo-id"));
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of paths) {
      await visit(page, path);
      found.push(...(await problems(page, `${width} ${path}`)));
    }
  }
  // The phone's filter sheet, open.
  await visit(page, "/calls");
  await page.getByRole("button", { name: /^Filters/ }).click();
  await expect(page.getByRole("dialog", { name: "Filter calls" })).toBeVisible();
  found.push(...(await problems(page, "390 /calls filter sheet", '[role="dialog"]')));

  console.log(`axe: ${paths.length + 1} pages at ${WIDTHS.join(" and ")} px and the filter sheet, ${found.length} serious or critical`);
  expect(found).toEqual([]);
});
