// Sessions end when they should: a password change signs out the user's other browsers, so does ending one
// from the list, and "Sign out everywhere" ends every session; the other browser is sent to /login on its
// next navigation.
// Uses a freshly signed-up user, since other specs rely on the demo passwords.
import { expect, test, type Page } from "@playwright/test";
import { logIn, uniqueEmail } from "../support";

async function signUp(page: Page, who: { email: string; password: string }) {
  await page.goto("/signup");
  await page.getByLabel("Salon name").fill("Session Test Salon");
  await page.getByLabel("Your name").fill("Sasha Sessions");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: /create|sign up|start/i }).click();
  await expect(page).toHaveURL(/\/$/);
}

test("a password change and Sign out everywhere end the other browser's session", async ({ browser }) => {
  // Two browsers, a sign-up and three sign-ins: more than one default timeout on a busy 2-core machine.
  test.slow();
  const who = { email: uniqueEmail("sessions"), password: "first-password-123" };
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();

  await signUp(a, who);
  await logIn(b, who);
  // Signing in marks the browser as a trusted device (the login throttle's account back-off skips it).
  expect((await second.cookies()).map((c) => c.name)).toContain("bolt-trusted-device");

  await a.goto("/settings/account");
  const list = a.getByRole("list", { name: "Signed-in browsers" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByText("This device")).toHaveCount(1);

  // Change password: the other browser is signed out, this one stays.
  await a.getByLabel("Current password", { exact: true }).fill(who.password);
  await a.getByLabel("New password", { exact: true }).fill("second-password-456");
  await a.getByLabel("Confirm new password", { exact: true }).fill("second-password-456");
  await a.getByRole("button", { name: "Change password" }).click();
  await expect(a.getByText("Password changed. Signed out 1 other session.")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(1);

  await b.goto("/settings");
  await expect(b).toHaveURL(/\/login/);
  const changed = { email: who.email, password: "second-password-456" };
  await logIn(b, changed);

  // Sign out just the other browser from the list.
  await a.reload();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await list.getByRole("button", { name: /^Sign out/ }).click();
  await expect(a.getByText("Signed out that browser.")).toBeVisible();
  await b.goto("/settings");
  await expect(b).toHaveURL(/\/login/);
  await logIn(b, changed);

  // Sign out everywhere from the first browser: both end up at the login page.
  await a.reload();
  await a.getByRole("button", { name: "Sign out everywhere" }).click();
  await a.getByRole("alertdialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(a).toHaveURL(/\/login/);
  await b.goto("/settings");
  await expect(b).toHaveURL(/\/login/);

  await first.close();
  await second.close();
});

test("the account page shows a wrong current password on its field", async ({ page }) => {
  const who = { email: uniqueEmail("wrongpw"), password: "first-password-123" };
  await signUp(page, who);
  await page.goto("/settings/account");
  await page.getByLabel("Current password", { exact: true }).fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("second-password-456");
  await page.getByLabel("Confirm new password", { exact: true }).fill("second-password-456");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That isn't your current password.").first()).toBeVisible();
});
