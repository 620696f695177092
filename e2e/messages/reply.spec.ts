// A customer texts the demo salon (a correctly signed Twilio webhook to the running app); a staff member
// sees the unread conversation in Messages, opens it, replies, and watches the reply reach Delivered
// (the app runs with the in-process Twilio sandbox, which posts the status callbacks back; its salon
// clock, BOLT_SANDBOX_NOW in playwright.config.ts, is in the day, so quiet hours hold nothing).
import { expect, test } from "@playwright/test";
import { logIn, STAFF } from "../support";
import { textTheSalon } from "../twilio";

test("staff answer an incoming text from Messages and see it delivered", async ({
  page,
  request,
  baseURL,
}) => {
  // A number the salon has never heard from: it becomes a new customer.
  const from = `+1415555${3000 + Math.floor(Math.random() * 6000)}`;
  const shown = `(415) 555-${from.slice(-4)}`;
  // A question Bolt can't act on, so it waits for staff ("anything open Friday afternoon?" is a booking
  // request now, which Bolt's receptionist answers and books itself).
  const question = `Do you sell gift cards? e2e ${Date.now()}`;
  const res = await textTheSalon(request, baseURL!, from, question);
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain("<Response");

  await logIn(page, STAFF);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Messages" }).click();
  await expect(page.getByRole("heading", { name: "Messages", level: 1 })).toBeVisible();
  const conversation = page
    .getByRole("list", { name: "Conversations" })
    .getByRole("listitem")
    .filter({ hasText: shown });
  await expect(conversation).toHaveAttribute("data-unread", "true");
  await expect(conversation).toContainText("New");
  await expect(conversation).toContainText("1 unread");

  await conversation.getByRole("link").click();
  const thread = page.getByRole("region", { name: `Conversation with ${shown}` });
  await expect(thread.getByText(question)).toBeVisible();
  // Opening it marked it read: the inbox beside it drops the unread marker.
  await expect(conversation).toHaveAttribute("data-unread", "false");
  // …while the thread keeps its "New" line before the text that was unread when it opened.
  await expect(thread.getByRole("separator", { name: "New texts" })).toBeVisible();
  await expect(thread.locator('[data-testid="unread-divider"] + li')).toContainText(question);

  const reply = `Yes — 3 PM with Sam works. e2e ${Date.now()}`;
  await thread.getByRole("textbox", { name: "Reply" }).fill(reply);
  await thread.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByText("Reply sent.")).toBeVisible();
  await expect(thread.getByRole("textbox", { name: "Reply" })).toHaveValue("");

  const sent = thread.locator('li[data-direction="outbound"]').filter({ hasText: reply });
  await expect(sent).toHaveCount(1);
  // The thread refreshes itself every few seconds as the sandbox reports delivery.
  await expect(sent).toHaveAttribute("data-status", "DELIVERED", { timeout: 30_000 });
  await expect(sent.getByTestId("delivery-state")).toHaveText("Delivered");
  await expect(sent).toContainText("Jordan Lee");
});
