// The onboarding checklist with billing and provisioning stood in for by the database (this spec runs
// before they exist): a new salon's checklist, the number appearing without a reload while pending, the
// hours step done by saving Settings → Phone & hours, and the sandbox test call answered with the greeting.
import { expect, test } from "@playwright/test";
import { fictionalNumber, signUpNewSalon, step, updateSalonByName } from "./support";

test("a new salon's checklist follows its state, shows the number without a reload, and the test call is answered", async ({ page }) => {
  const salonName = `Checklist Salon ${Date.now()}`;
  await signUpNewSalon(page, salonName);

  const checklist = page.getByRole("list", { name: "Setup steps" });
  await expect(checklist.getByRole("listitem")).toHaveCount(5);
  await expect(step(page, "trial")).toContainText("Not done");
  await expect(step(page, "trial").getByRole("link", { name: "Start trial" })).toHaveAttribute("href", "/settings/billing");
  await expect(step(page, "number")).toContainText("No number yet");
  // Default hours, said as the Settings page says them.
  await expect(step(page, "hours")).toContainText("Our hours are Tuesday to Saturday, 9 AM to 6 PM. We're closed Monday and Sunday.");

  // The trial starts (Stripe's webhook would write this): the number step is pending and polling.
  await updateSalonByName(salonName, { subscriptionStatus: "TRIALING" });
  await page.reload();
  await expect(step(page, "number")).toContainText("In progress");
  await expect(step(page, "trial")).toContainText("Done");

  // The provisioning job stores the number: it appears without a reload.
  const number = fictionalNumber();
  const loads: string[] = [];
  page.on("load", () => loads.push(page.url()));
  await updateSalonByName(salonName, { twilioNumber: number });
  await expect(step(page, "number")).toContainText("Done", { timeout: 15_000 });
  expect(loads).toEqual([]);

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
  await expect(page.getByRole("list", { name: "Setup steps" })).toHaveCount(0);
  await expect(page.getByText(number.slice(-4)).first()).toBeVisible();
});
