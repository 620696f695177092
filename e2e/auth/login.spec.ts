import { expect, test } from "@playwright/test";
import { DEMO_SALON, logIn, OWNER } from "../support";

test("the demo owner logs in and sees the salon and its number", async ({ page }) => {
  await logIn(page, OWNER);
  await expect(page.getByText(DEMO_SALON).first()).toBeVisible();
  // The demo number +14155550142, written the way people write it.
  await expect(page.getByText("(415) 555-0142").first()).toBeVisible();
});

test("a wrong password gets one generic message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("pages behind sign-in send visitors to the login page", async ({ page }) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login/);
});
