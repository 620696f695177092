// The admin UI's settings flows as an owner uses them: an API key shown once and revoked after a
// confirmation, and a phone number typed the usual way and saved as a number Bolt can dial.
import { expect, test } from "@playwright/test";
import { logIn, OWNER } from "../support";

test("an API key is shown once, then revoked after confirming", async ({ page }) => {
  const name = `Booking site ${Date.now()}`;
  await logIn(page, OWNER);
  await page.goto("/settings/api-keys");

  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByLabel("New API key")).toHaveText(/^bolt_live_[0-9A-Za-z]{32}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByLabel("New API key")).toHaveCount(0);

  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row.getByText("Active")).toBeVisible();
  await row.getByRole("button", { name: /revoke/i }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(row.getByText("Revoked")).toBeVisible();
  await expect(row.getByRole("button", { name: /revoke/i })).toHaveCount(0);
});

test("the profile form explains a bad phone number and saves a good one", async ({ page }) => {
  await logIn(page, OWNER);
  await page.goto("/settings");
  const phone = page.getByLabel("Salon phone");

  await phone.fill("12345");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(phone).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter a valid phone number, like (415) 555-0123.")).toBeVisible();

  await phone.fill("415.555.0199");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await expect(phone).toHaveValue("(415) 555-0199");
});
