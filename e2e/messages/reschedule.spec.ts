// A customer with a coming appointment texts R (a correctly signed Twilio webhook to the running app):
// the appointment is flagged on the Appointments page, and staff follow its link to the customer's
// texts, where the R waits unread and Bolt's "someone will text you back" answer is in the thread.
import { expect, test } from "@playwright/test";
import { logIn, STAFF } from "../support";
import { textTheSalon } from "../twilio";

test("a customer texts R: staff see 'Wants to reschedule' on Appointments and open their texts", async ({
  page,
  request,
  baseURL,
}) => {
  await logIn(page, STAFF);
  await page.goto("/appointments?view=list");
  // The first appointment that can still be texted about (its customer's next one, not opted out) and
  // isn't flagged yet — also on a retry against the same server, where the first try flagged one.
  const row = page
    .locator("li[data-appointment-id]")
    .filter({ has: page.getByRole("button", { name: /^Send reminder/ }) })
    .filter({ hasNotText: "Wants to reschedule" })
    .first();
  const appointmentId = await row.getAttribute("data-appointment-id");
  const name = (await row.locator("span.font-medium").first().innerText()).trim();
  const digits = (await row.innerText()).match(/\((\d{3})\) (\d{3})-(\d{4})/);
  expect(digits, "the row shows the customer's phone").not.toBeNull();

  const res = await textTheSalon(request, baseURL!, `+1${digits![1]}${digits![2]}${digits![3]}`, "R");
  expect(res.status()).toBe(200);

  await page.reload();
  const flagged = page.locator(`li[data-appointment-id="${appointmentId}"]`);
  await expect(flagged.getByText("Wants to reschedule")).toBeVisible();
  await expect(flagged).toContainText("Texted R just now");

  await flagged.getByRole("link", { name: "Open their texts" }).click();
  const thread = page.getByRole("region", { name: `Conversation with ${name}` });
  // The R waits for staff: it was unread when the thread opened, and Bolt notes what it did with it.
  await expect(thread.getByRole("separator", { name: "New texts" })).toBeVisible();
  const asked = thread.locator('[data-testid="unread-divider"] + li[data-direction="inbound"]');
  await expect(asked.locator("p").first()).toHaveText(`${name}: R`);
  await expect(asked).toContainText("Wants to reschedule");
  // Bolt's answer goes out at once (a reply to the customer, not held by quiet hours).
  await expect(
    thread
      .locator('li[data-direction="outbound"]')
      .filter({ hasText: "Someone from the salon will text you back" }),
  ).toHaveCount(1, { timeout: 15_000 });
});
