// "Forgot password?": the reset link arrives in the local mail sink, sets a new password, ends the
// sessions signed in with the old one, and the new password signs in. Uses a fresh sign-up, since other
// specs rely on the demo passwords.
import { expect, test } from "@playwright/test";
import { signUpNewSalon } from "../onboarding/support";
import { logIn } from "../support";
import { emailedLinkPath } from "./mail-sink";

test("a forgotten password is reset through the emailed link", async ({ page, browser }) => {
  test.slow(); // a sign-up, a reset and a sign-in on a busy 2-core machine
  const who = await signUpNewSalon(page, "Reset Test Salon");

  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto("/login");
  await other.getByRole("link", { name: "Forgot password?" }).click();
  await expect(other).toHaveURL(/\/forgot-password$/); // or the login form's Email field would be filled
  await other.getByLabel("Email").fill(who.email);
  await other.getByRole("button", { name: "Send reset link" }).click();
  await expect(other.getByText(/^If that address has a Bolt account/)).toBeVisible();

  const link = await emailedLinkPath(who.email, "reset-password");
  await other.goto(link);
  await other.getByLabel("New password", { exact: true }).fill("the-new-password-2");
  await other.getByLabel("Confirm new password").fill("the-new-password-2");
  await other.getByRole("button", { name: "Set new password" }).click();
  await expect(other).toHaveURL(/\/login\?reset=1$/);
  await expect(other.getByText("Password changed, and every device signed out.")).toBeVisible();

  // The link worked once; the browser signed in with the old password was signed out.
  await other.goto(link);
  await expect(other.getByText("This link no longer works")).toBeVisible();
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login/);
  await logIn(other, { email: who.email, password: "the-new-password-2" });
  await context.close();
});
