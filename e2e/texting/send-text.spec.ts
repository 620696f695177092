// A staff member texts a customer from "Send text" and watches it reach DELIVERED in Notifications
// (the app runs with the in-process Twilio sandbox, which posts the status callbacks back; its salon
// clock, BOLT_SANDBOX_NOW in playwright.config.ts, is in the day, so quiet hours hold nothing).
import { expect, test } from "@playwright/test";
import { logIn, STAFF } from "../support";

test("staff send a text and see it delivered", async ({ page }) => {
  await logIn(page, STAFF);
  await page.goto("/notifications");
  await page.getByRole("main").getByRole("link", { name: "Send text" }).click();
  await expect(page.getByRole("heading", { name: "Send text", level: 1 })).toBeVisible();

  await page.getByRole("combobox", { name: "To", exact: true }).fill("Ava");
  await page.getByRole("option", { name: /Ava Martinez/ }).click();
  await expect(page.getByTestId("selected-recipient")).toContainText("Ava Martinez");

  const message = `Your color is ready to book — e2e ${Date.now()}`;
  await page.getByLabel("Message", { exact: true }).fill(message);
  // The count includes the salon-name prefix, and the em dash is GSM-7-unsafe, so UCS-2 is shown.
  await expect(page.getByTestId("segment-count")).toContainText(/\d+ characters · 1 segment \(UCS-2\)/);
  await page.getByRole("button", { name: "Send text" }).click();
  await expect(page.getByText("Text queued to Ava Martinez").first()).toBeVisible();

  await page.goto("/notifications?q=Ava");
  const row = page.getByRole("row").filter({ hasText: message });
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  // The table refreshes itself while the text is on its way.
  await expect(row).toHaveAttribute("data-status", "DELIVERED", { timeout: 30_000 });
  await expect(row.getByText("Delivered")).toBeVisible();

  await row.getByRole("link", { name: /Ava Martinez/ }).click();
  await expect(page.getByRole("list", { name: "Status history" })).toContainText("Delivered");
});
