// Live updates in two browsers signed in to one salon: a customer texts (a signed Twilio webhook to the
// running app) and, without a reload, the owner's inbox shows the conversation, both sidebars count it
// as unread ("Messages, N unread"), and both see a toast saying who wrote.
import { expect, test, type Page } from "@playwright/test";
import { logIn, OWNER, STAFF } from "../support";
import { textTheSalon } from "../twilio";

/** The sidebar's unread count, read from the link's accessible name ("Messages, 3 unread"). */
async function unreadCount(page: Page): Promise<number> {
  const name = await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Messages/ }).textContent();
  return Number(/(\d+) unread/.exec(name ?? "")?.[1] ?? 0);
}

/** Signed in, on `path`, hearing live updates; marked so that a reload would show (the mark would be gone). */
async function openLive(page: Page, who: { email: string; password: string }, path: string) {
  await logIn(page, who);
  await page.goto(path);
  await expect(page.locator('[data-live-state="open"]')).toBeAttached();
  await page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 1));
}

const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark === 1);

test("a text shows up live in another browser's inbox, sidebar count and a toast", async ({ browser, request, baseURL }) => {
  const ownerContext = await browser.newContext();
  const staffContext = await browser.newContext();
  try {
    const owner = await ownerContext.newPage();
    const staff = await staffContext.newPage();
    await openLive(owner, OWNER, "/messages");
    await openLive(staff, STAFF, "/");
    const before = await unreadCount(owner);

    const from = `+1415555${3000 + Math.floor(Math.random() * 6000)}`;
    const shown = `(415) 555-${from.slice(-4)}`;
    const res = await textTheSalon(request, baseURL!, from, `Do you sell gift cards? e2e live ${Date.now()}`);
    expect(res.status()).toBe(200);

    const conversation = owner.getByRole("list", { name: "Conversations" }).getByRole("listitem").filter({ hasText: shown });
    await expect(conversation).toHaveAttribute("data-unread", "true");
    for (const page of [owner, staff]) {
      await expect(page.getByText(`New text from ${shown}`)).toBeVisible();
      await expect.poll(() => unreadCount(page)).toBeGreaterThan(before);
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Messages, \d+ unread$/ })).toBeVisible();
      expect(await notReloaded(page)).toBe(true);
    }

    // The toast opens the conversation.
    await staff.getByRole("button", { name: "Open" }).first().click();
    await expect(staff).toHaveURL(/\/messages\/[^/]+$/);
  } finally {
    await ownerContext.close();
    await staffContext.close();
  }
});
