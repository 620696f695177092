// The follow-up queue as staff use it: the dashboard's "Needs attention" (assign to me, mark handled)
// and texting a caller back from a call's page into their conversation.
import { expect, test } from "@playwright/test";
import { logIn, STAFF } from "../support";

test("needs attention: assign to me, then mark handled, and it leaves the list", async ({ page }) => {
  await logIn(page, STAFF);
  await page.goto("/");
  const card = page.getByTestId("needs-attention");
  const href = await card.getByTestId("needs-attention-item").first().getByRole("link").first().getAttribute("href");
  const item = card.getByTestId("needs-attention-item").filter({ has: page.locator(`a[href="${href}"]`) });
  await item.getByRole("button", { name: "Assign to me" }).click();
  await expect(item).toContainText("Assigned to you", { timeout: 30_000 });
  await item.getByRole("button", { name: "Mark handled" }).click();
  // Handled, it leaves the list (the page refreshes from the server).
  await expect(item).toHaveCount(0, { timeout: 30_000 });
});

test("text a caller back from the call page, landing in their conversation", async ({ page }) => {
  await logIn(page, STAFF);
  await page.goto("/calls?outcome=MISSED");
  await page.getByRole("link", { name: /view call/ }).first().click();
  await expect(page).toHaveURL(/\/calls\/[^/?]+$/);
  await page.getByRole("button", { name: "Text back" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Message").fill("Sorry we missed your call — want to book?");
  await dialog.getByRole("button", { name: "Send text" }).click();
  await expect(page).toHaveURL(/\/messages\/[^/?]+$/, { timeout: 30_000 });
  await expect(page.locator('li[data-direction="outbound"]').filter({ hasText: "Sorry we missed your call — want to book?" })).toHaveCount(1);
});
