// Settings → Billing as a salon uses it, against the Stripe sandbox `npm start` runs: a new owner starts
// the 14-day trial on the sandbox's hosted Checkout and is back on "Free trial until …" without
// reloading; Manage billing → the sandbox's Portal → cancel, and the page says when it ends. Staff
// see the status with no buttons, and the server action behind "Start free trial" refuses them.
// Dates: the sandbox's Stripe runs on the salon clock (BOLT_SANDBOX_NOW, Wednesday December 9 2026 at
// 11 AM Pacific in playwright.config.ts), so a trial started "today" ends on December 23.
import { expect, test, type Page } from "@playwright/test";
import { logIn, STAFF, uniqueEmail } from "../support";

const TRIAL_END = "Wednesday, December 23, 2026";
// The salon's zone comes from the browser at sign-up.
test.use({ timezoneId: "America/Los_Angeles" });

/** A new salon, signed up through the form; its owner is left signed in on the dashboard. */
async function signUpSalon(page: Page, salonName: string) {
  await page.goto("/signup");
  await page.getByLabel("Salon name").fill(salonName);
  await page.getByLabel("Your name").fill("Bea Barber");
  await page.getByLabel("Email").fill(uniqueEmail("owner"));
  await page.getByLabel("Password").fill("a-long-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/$/);
}

test("a new owner starts the sandbox trial through Checkout, then cancels it in the Portal", async ({ page }) => {
  await signUpSalon(page, "Fringe Benefits");

  await page.goto("/settings/billing");
  const status = page.getByTestId("billing-status");
  await expect(status).toHaveText(/start a free trial/i);
  await expect(page.getByRole("button", { name: "Manage billing" })).toHaveCount(0);
  await page.getByRole("button", { name: "Start free trial" }).click();

  // The sandbox's hosted Checkout: plainly not Stripe, and no card asked for.
  await expect(page).toHaveURL(/\/checkout\/cs_/);
  await expect(page.getByRole("note")).toContainText("Sandbox");
  await page.getByRole("button", { name: "Start 14-day trial — no card needed in the sandbox" }).click();

  // Back on Bolt before the events land; the page follows them without a reload by hand.
  await expect(page).toHaveURL(/\/settings\/billing\?checkout=done$/);
  await expect(status).toHaveText(`Free trial until ${TRIAL_END}.`);
  await expect(page.getByRole("button", { name: "Start free trial" })).toHaveCount(0);

  await page.getByRole("button", { name: "Manage billing" }).click();
  await expect(page).toHaveURL(/\/portal\/bps_/);
  await expect(page.getByRole("note")).toContainText("Sandbox");
  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await expect(page.getByRole("button", { name: "Resume subscription" })).toBeVisible();
  await page.getByRole("link", { name: "Return to Bolt" }).click();

  // Back before Stripe's event has landed, the page has already asked Stripe: no wait, no reload.
  await expect(page).toHaveURL(/\/settings\/billing\?portal=done$/);
  await expect(status).toContainText(`ends on ${TRIAL_END}`);
});

test("staff see the subscription read-only, and the Checkout action refuses them", async ({ browser, page }) => {
  // An owner's click on "Start free trial", caught before it reaches the server: the action's request.
  const owner = await browser.newContext({ timezoneId: "America/Los_Angeles" });
  const ownerPage = await owner.newPage();
  await signUpSalon(ownerPage, "Curl Up & Dye");
  await ownerPage.goto("/settings/billing");
  await ownerPage.route("**/settings/billing", (route) => (route.request().method() === "POST" ? route.abort() : route.fallback()));
  const [action] = await Promise.all([
    ownerPage.waitForRequest((req) => req.method() === "POST" && Boolean(req.headers()["next-action"])),
    ownerPage.getByRole("button", { name: "Start free trial" }).click(),
  ]);
  await owner.close();

  await logIn(page, STAFF);
  await page.goto("/settings/billing");
  await expect(page.getByRole("alert").filter({ hasText: "Only owners can change settings." })).toBeVisible();
  await expect(page.getByTestId("billing-status")).toBeVisible();
  await expect(page.getByRole("button", { name: /start free trial|subscribe|manage billing/i })).toHaveCount(0);

  // The same action sent with the staff member's session: refused, no redirect to Checkout.
  const { cookie: _cookie, ...headers } = action.headers();
  const res = await page.request.post(action.url(), { headers, data: action.postDataBuffer() ?? "" });
  // An action's answer (not the page re-rendered), carrying the refusal, and no redirect to Checkout.
  expect(res.headers()["content-type"]).toContain("text/x-component");
  expect(res.headers()["x-action-redirect"]).toBeUndefined();
  expect(await res.text()).toMatch(/"ok":false,"error":"Only owners can change settings\."/);
});
