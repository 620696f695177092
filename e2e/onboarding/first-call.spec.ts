// Onboarding end to end, through the real flows: a new salon's checklist as it starts (nothing done, the
// default hours said as the Settings page says them), the sandbox trial on the Stripe stand-in's checkout
// page, the number appearing without a reload (provisioning), hours, greeting and forwarding phone saved
// in Settings → Phone & hours, the test call answered with the greeting and the hours, and the checklist
// gone once setup is finished. (The pending "In progress" state is covered by get-onboarding-checklist.test.ts.)
import { expect, test } from "@playwright/test";
import { signUpNewSalon, step } from "./support";

test("a new salon signs up, starts the sandbox trial, gets its number, sets its hours and hears its test call", async ({ page }) => {
  const salonName = `First Call Salon ${Date.now()}`;
  await signUpNewSalon(page, salonName);

  const checklist = page.getByRole("list", { name: "Setup steps" });
  await expect(checklist.getByRole("listitem")).toHaveCount(5);
  await expect(step(page, "trial")).toContainText("Not done");
  await expect(step(page, "number")).toContainText("No number yet");
  await expect(step(page, "hours")).toContainText("Our hours are Tuesday to Saturday, 9 AM to 6 PM. We're closed Monday and Sunday.");

  await step(page, "trial").getByRole("link", { name: "Start trial" }).click();
  await expect(page).toHaveURL(/\/settings\/billing/);
  await page.getByRole("button", { name: /start free trial|subscribe/i }).first().click();
  // The Stripe stand-in's hosted Checkout, clearly marked as the sandbox.
  await page.getByRole("button", { name: /start 14-day trial/i }).click();
  // Back on Bolt's success URL (Settings → Billing); the webhooks follow.
  await expect(page).toHaveURL(/\/settings\/billing/);

  const started = Date.now();
  await page.goto("/");
  const loads: string[] = [];
  page.on("load", () => loads.push(page.url()));
  await expect(step(page, "trial")).toContainText("Done", { timeout: 15_000 });
  await expect(step(page, "number")).toContainText("Done", { timeout: 30_000 });
  expect(loads, "the number appeared without a reload").toEqual([]);
  console.log(`start trial → number shown: ${Date.now() - started} ms`);
  const number = await step(page, "number").textContent();

  // Hours: saving Settings → Phone & hours confirms them; greeting and forwarding phone in the same form.
  await page.goto("/settings/phone");
  await page.getByLabel("Greeting", { exact: true }).fill(`Welcome to ${salonName}!`);
  await page.getByLabel("Forward calls to").fill("(415) 555-0188");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();
  await page.goto("/");
  await expect(step(page, "hours")).toContainText("Done");
  await expect(step(page, "greeting")).toContainText("Done");

  // The last step: a simulated call through the real voice webhooks.
  await step(page, "test-call").getByRole("button", { name: "Call your number now" }).click();
  const transcript = page.getByRole("list", { name: "Test call transcript" });
  await expect(transcript.getByRole("listitem").first()).toHaveText(`Bolt: Welcome to ${salonName}!`);
  await expect(transcript).toContainText("Our hours are Tuesday to Saturday, 9 AM to 6 PM.");
  await page.getByRole("button", { name: "Finish setup" }).click();
  await expect(checklist).toHaveCount(0);
  // The dashboard goes on showing the number, as people write it.
  const shown = /\(\d{3}\) \d{3}-\d{4}/.exec(number ?? "")?.[0];
  expect(shown).toBeTruthy();
  await expect(page.getByText(shown!).first()).toBeVisible();
});
