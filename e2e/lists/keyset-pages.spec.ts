// The Calls and Notifications pages page by keyset: Older/Newer links carry a cursor in the URL beside
// the filters and sort, come back to the same rows, and say Previous/Next when not sorted by time.
import { expect, test, type Page } from "@playwright/test";
import { logIn, STAFF } from "../support";

const pager = (page: Page) => page.getByRole("navigation", { name: "Pages" });
const firstRow = (page: Page) => page.getByRole("row").nth(1);

test("Calls and Notifications page with Older/Newer links that keep the filters", async ({ page }) => {
  await logIn(page, STAFF);
  // The demo salon has 48 calls: two pages of 25.
  await page.goto("/calls");
  await expect(pager(page).getByRole("button", { name: "Newer" })).toBeDisabled();
  const newest = (await firstRow(page).textContent()) ?? "";
  await pager(page).getByRole("link", { name: "Older" }).click();
  await expect(page).toHaveURL(/[?&]after=/);
  await expect(firstRow(page)).not.toHaveText(newest);
  await expect(pager(page).getByRole("button", { name: "Older" })).toBeDisabled();
  await pager(page).getByRole("link", { name: "Newer" }).click();
  await expect(page).toHaveURL(/[?&]before=/);
  await expect(firstRow(page)).toHaveText(newest);

  // Sorted by length the links say Previous/Next; a cursor from the time sort is left out, not misread.
  await page.goto("/calls?sort=durationSeconds&dir=desc");
  await pager(page).getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/sort=durationSeconds.*after=|after=.*sort=durationSeconds/);
  await expect(pager(page).getByRole("link", { name: "Previous" })).toBeVisible();

  await page.goto("/notifications?size=10");
  await pager(page).getByRole("link", { name: "Older" }).click();
  await expect(page).toHaveURL(/size=10/);
  await expect(page).toHaveURL(/[?&]after=/);
  await expect(pager(page).getByRole("link", { name: "Newer" })).toBeVisible();
});
