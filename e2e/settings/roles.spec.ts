import { expect, test } from "@playwright/test";
import { logIn, OWNER, STAFF } from "../support";

test("staff cannot open owner-only API key settings", async ({ page }) => {
  await logIn(page, STAFF);
  await page.goto("/settings/api-keys");
  await expect(page.getByText("Only owners can change settings.").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /create.*key/i })).toHaveCount(0);
});

test("staff see the salon profile read-only", async ({ page }) => {
  await logIn(page, STAFF);
  await page.goto("/settings");
  await expect(page.getByRole("button", { name: /save/i })).toHaveCount(0);
});

test("the owner can edit the salon profile", async ({ page }) => {
  await logIn(page, OWNER);
  await page.goto("/settings");
  await expect(page.getByRole("button", { name: /save/i })).toBeVisible();
});
