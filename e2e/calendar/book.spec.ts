// The owner adds a service and a stylist (who starts with the salon's hours), books a new customer into
// one of the stylist's free times from the calendar, moves the booking, and the customer's reminders
// follow: the list view's reminder line shows them re-planned for the new time.
import { expect, test, type Page } from "@playwright/test";
import { logIn, OWNER } from "../support";

/** The next Wednesday at least two days ahead in the demo salon's zone (open 9–7), as YYYY-MM-DD. */
function nextWednesday(): string {
  const today = new Date(new Date().toLocaleString("en-US", { timeZone: "America/Los_Angeles" }));
  const day = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + 2));
  while (day.getUTCDay() !== 3) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** Through the Services and Staff pages: a 45-minute service, and a stylist who does it on Wednesdays 10–4. */
async function addServiceAndStylist(page: Page, service: string, stylist: string) {
  await page.goto("/services/new");
  await page.getByLabel("Name").fill(service);
  await page.getByLabel("Duration (minutes)").fill("45");
  await page.getByLabel("Price ($)").fill("65");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(`${service} added.`)).toBeVisible();
  await expect(page).toHaveURL(/\/services$/);

  await page.goto("/staff/new");
  await page.getByLabel("Name").fill(stylist);
  await page.getByRole("checkbox", { name: service }).check();
  await page.getByLabel("Wednesday opens").fill("10:00");
  await page.getByLabel("Wednesday closes").fill("16:00");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(`${stylist} added.`)).toBeVisible();
  await expect(page).toHaveURL(/\/staff\/[^/]+$/);
}

test("the owner books a customer into a free slot from the calendar, moves it, and the reminders follow", async ({ page }) => {
  test.setTimeout(120_000); // three forms, two dialogs and six page loads (a minute on a loaded 2-core box)
  const suffix = `${Date.now() % 100000}`;
  const service = `Gloss ${suffix}`;
  const stylist = `Robin ${suffix}`;
  const customer = `Casey ${suffix}`;
  const date = nextWednesday();
  await logIn(page, OWNER);
  await addServiceAndStylist(page, service, stylist);

  // Book: the stylist's 10 AM on the day view → new customer → the service → the first free time from 10.
  await page.goto(`/appointments?date=${date}`);
  await page.getByRole("button", { name: `Book ${stylist} at 10 AM` }).click();
  const book = page.getByRole("form", { name: "Book an appointment" });
  await book.getByRole("button", { name: "New customer" }).click();
  await book.getByLabel("Name").fill(customer);
  await book.getByLabel("Mobile phone").fill(`(415) 555-${String(1000 + (Number(suffix) % 9000)).padStart(4, "0")}`);
  await book.getByLabel("Service").selectOption({ label: `${service} (45 min)` });
  await expect(book.getByLabel("Stylist")).toHaveValue(/.+/);
  await expect(book.getByRole("radio", { name: "10:00 AM" })).toBeChecked();
  // Their hours start at 10 and end at 4: a 45-minute service can't start at 9 or at 3:30.
  await expect(book.getByRole("radio", { name: "9:00 AM" })).toHaveCount(0);
  await expect(book.getByRole("radio", { name: "3:15 PM" })).toHaveCount(1);
  await expect(book.getByRole("radio", { name: "3:30 PM" })).toHaveCount(0);
  await book.getByRole("button", { name: `Book 10:00 AM with ${stylist}` }).click();
  await expect(page.getByText("Booked for 10:00 AM")).toBeVisible();
  const block = page.getByRole("button", { name: new RegExp(`^10:00 AM–10:45 AM, ${customer}, ${service}, booked`) });
  await expect(block).toBeVisible();

  const row = () => page.locator("li[data-appointment-id]").filter({ hasText: customer });
  await page.goto(`/appointments?view=list&date=${date}`);
  await expect(row()).toContainText(/Reminders: 24 h scheduled for .*10:00 AM/);

  // Move it to 11:30 with the same stylist: the old reminders are called off, new ones planned.
  await page.goto(`/appointments?date=${date}`);
  await block.click();
  const move = page.getByRole("form", { name: "Move appointment" });
  await move.getByLabel("Time").fill("11:30");
  await move.getByRole("button", { name: "Move appointment" }).click();
  await expect(page.getByText("Moved to 11:30 AM")).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`^11:30 AM–12:15 PM, ${customer}`) })).toBeVisible();

  await page.goto(`/appointments?view=list&date=${date}`);
  await expect(row()).toContainText("11:30 AM");
  await expect(row()).toContainText(/Reminders: 24 h scheduled for .*11:30 AM · 2 h scheduled for .*9:30 AM/);
});
