// The live front desk walked as a new user would (issue 15): on the phone simulator a staff member plays a
// demo customer who calls the salon and asks for the hours, asks for a person (the salon's phone doesn't
// answer, or after hours Bolt goes straight to voicemail), leaves a voicemail, then texts "C" to confirm
// their booking — while the owner, signed in in a second browser, sees the call, the voicemail transcript,
// the text and the confirmed appointment appear without reloading, and marks the voicemail handled.
import { expect, test, type Page } from "@playwright/test";
import { logIn, OWNER, STAFF } from "../support";

const DEMO_TIME_ZONE = "America/Los_Angeles";

/** Counts full page loads: "live" means the owner's pages never load again while things arrive. */
function countLoads(page: Page): { readonly count: number } {
  let count = 0;
  page.on("load", () => (count += 1));
  return {
    get count() {
      return count;
    },
  };
}

/** A full-page screenshot kept in the test's output folder (test-results/…) and attached to the report. */
async function keepScreenshot(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: "image/png" });
}

test("a caller's call, voicemail and confirming text reach the owner live; the owner marks the voicemail handled", async ({ browser }) => {
  test.setTimeout(180_000);
  const phoneContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const ownerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const phone = await phoneContext.newPage();
  const calls = await ownerContext.newPage();

  await logIn(phone, STAFF);
  await phone.goto("/simulator");
  await expect(phone.getByRole("heading", { name: "Phone simulator", level: 1 })).toBeVisible();
  // A demo customer with a booking coming up: theirs is the appointment "C" confirms.
  const customer = phone.getByRole("list", { name: "Customers with a booking coming up" }).getByRole("button").first();
  await expect(customer).toBeVisible();
  const name = (await customer.getAttribute("data-name"))!;
  const visit = (await customer.getAttribute("data-next-visit"))!;
  await customer.click();
  await expect(phone.getByTestId("phone-owner")).toContainText(name);
  // Demo names repeat; the number as the pages show it tells this customer's rows apart.
  const shownPhone = /\(\d{3}\) \d{3}-\d{4}/.exec((await phone.getByTestId("phone-owner").textContent()) ?? "")![0];

  // The owner watches Calls before anything happens.
  await logIn(calls, OWNER);
  await calls.goto("/calls");
  const callRows = calls.locator("main tr", { hasText: shownPhone });
  const callsBefore = await callRows.count();
  const callsLoads = countLoads(calls);

  // Call: the greeting, then the hours asked in words.
  await phone.getByRole("button", { name: /^Call / }).click();
  const transcript = phone.getByRole("list", { name: "Call transcript" });
  await expect(transcript.locator('[data-speaker="bolt"]').first()).toBeVisible();
  await phone.getByLabel("Say something").fill("What are your hours?");
  await phone.getByRole("button", { name: "Say it" }).click();
  // The demo salon opens at 9 AM every day it opens and closes on Sundays.
  await expect(transcript.locator('[data-speaker="bolt"]').filter({ hasText: /9 AM/ }).last()).toBeVisible();

  // The owner's Calls page shows the call while it is going on, without a reload; they open it there.
  await expect(callRows).toHaveCount(callsBefore + 1, { timeout: 15_000 });
  expect(callsLoads.count, "Calls showed the new call without reloading").toBe(0);
  await callRows.first().locator('a[href^="/calls/"]').first().click();
  await expect(calls.getByRole("heading", { level: 1 })).toContainText("Call from");
  const callPageLoads = countLoads(calls);

  // A person, please: in hours the salon's phone rings (nobody answers); after hours it's voicemail at once.
  await phone.getByLabel("Say something").fill("Can I talk to someone, please?");
  await phone.getByRole("button", { name: "Say it" }).click();
  const nobody = phone.getByRole("button", { name: "Nobody answers" });
  const voicemailBox = phone.getByLabel("Your voicemail (after the beep)");
  await expect(nobody.or(voicemailBox)).toBeVisible();
  if (await nobody.isVisible()) await nobody.click();
  const message = `Hi, it's ${name}. Please call me back about my color. e2e ${Date.now()}`;
  await voicemailBox.fill(message);
  await phone.getByRole("button", { name: "Leave voicemail" }).click();
  await expect(transcript).toContainText("Twilio's transcript of the voicemail reached Bolt.");
  await phone.getByText(/For developers: TwiML/).click();
  await expect(phone.getByText("POST /api/webhooks/twilio/voice/transcription → 204")).toBeVisible();
  await keepScreenshot(phone, "simulator-call");

  // The voicemail's transcript appears on the call's open page without a reload; the owner marks it handled.
  await expect(calls.getByText(message).first()).toBeVisible({ timeout: 15_000 });
  expect(callPageLoads.count, "the call's page showed the voicemail without reloading").toBe(0);
  await calls.getByRole("button", { name: "Mark handled" }).click();
  await expect(calls.getByRole("button", { name: "Reopen" })).toBeVisible();

  // Before the text: Messages and the calendar on the booking's day are open in the owner's browser.
  const messages = calls;
  await messages.goto("/messages");
  const messagesLoads = countLoads(messages);
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: DEMO_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(visit));
  const calendar = await ownerContext.newPage();
  await calendar.goto(`/appointments?view=day&date=${day}`);
  const calendarLoads = countLoads(calendar);
  // Each booking on the day grid is a button named "time, customer, service, status".
  const bookingOf = (status: string) => calendar.locator(`main button[aria-label*=", ${name}, "][aria-label$=", ${status}"]`).first();
  await expect(bookingOf("booked")).toBeVisible();

  // Text C from the customer's phone: Bolt confirms, and its reply reaches the phone delivered.
  await phone.getByRole("tab", { name: "Text" }).click();
  await phone.getByLabel("Text message").fill("C");
  await phone.getByRole("button", { name: "Send text" }).click();
  const thread = phone.getByRole("list", { name: "Text thread" });
  await expect(thread.locator('li[data-direction="in"]').last()).toContainText("C");
  const reply = thread.locator('li[data-direction="out"]').last();
  await expect(reply).toContainText(/confirm/i, { timeout: 20_000 });
  await expect(reply).toHaveAttribute("data-status", "DELIVERED", { timeout: 20_000 });
  await keepScreenshot(phone, "simulator-text");

  // The owner sees the text in Messages and the appointment confirmed on the calendar, without reloading.
  // The newest conversation comes first: this customer's, moved up by the text.
  await expect(messages.locator('main [aria-label="Conversations"] > li').first()).toContainText(name, { timeout: 15_000 });
  await expect(bookingOf("confirmed")).toBeVisible({ timeout: 15_000 });
  expect(messagesLoads.count + calendarLoads.count, "Messages and the calendar updated without reloading").toBe(0);

  // Screenshots for the record: the dashboard, and Calls at phone width.
  await messages.goto("/");
  await keepScreenshot(messages, "dashboard");
  await messages.setViewportSize({ width: 390, height: 844 });
  await messages.goto("/calls");
  await keepScreenshot(messages, "calls-390px");

  await phoneContext.close();
  await ownerContext.close();
});
