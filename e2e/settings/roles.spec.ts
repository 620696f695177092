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

test("staff see Phone & hours read-only, with no way to save", async ({ page }) => {
  await logIn(page, STAFF);
  await page.goto("/settings/phone");
  await expect(
    page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Phone & hours" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("alert").filter({ hasText: "Only owners can change settings." })).toBeVisible();
  // The values are there to read, but every field is locked.
  await expect(page.getByLabel("Greeting", { exact: true })).toBeDisabled();
  await expect(page.getByLabel("Forward calls to")).toBeDisabled();
  await expect(page.getByLabel("Open on Monday")).toBeDisabled();
  await expect(page.getByLabel("Auto-reply", { exact: true })).toBeDisabled();
  await expect(page.getByRole("button", { name: /save/i })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /add hours/i })).toHaveCount(0);
});

test("the owner can edit the salon profile and Phone & hours", async ({ page }) => {
  await logIn(page, OWNER);
  await page.goto("/settings");
  await expect(page.getByRole("button", { name: /save/i })).toBeVisible();
  await page.goto("/settings/phone");
  await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
  await expect(page.getByLabel("Greeting", { exact: true })).toBeEnabled();
  await expect(page.getByText("Only owners can change settings.")).toHaveCount(0);
});
