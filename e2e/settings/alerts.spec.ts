// Settings → Alerts as a staff member uses it (every member has the tab): a voicemail by text to their
// own phone with quiet hours, kept across a reload; a test alert; and browser alerts up to the
// permission prompt (Chromium can't reach its push service offline, so the prompt is observed and
// answered "Block"). The spec puts the member's choices back, so later specs see the demo as seeded.
import { expect, test } from "@playwright/test";
import { logIn, STAFF } from "../support";

test("a staff member chooses text alerts with quiet hours, tries them, and is asked before browser alerts", async ({ page }) => {
  // Five saves, a reload and a test alert: more than the default minute on a busy two-core runner.
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { permissionAsks: string[] }).permissionAsks = calls;
    if ("Notification" in window)
      Notification.requestPermission = async () => {
        calls.push("asked");
        return "denied";
      };
  });
  await logIn(page, STAFF);
  await page.goto("/settings/alerts");
  const byText = page.getByLabel("Voicemails by text");
  const phone = page.getByLabel("Mobile number");
  const quiet = page.getByLabel("Hold my text and browser alerts overnight");
  const save = async () => {
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Alert settings saved.")).toBeVisible();
  };

  await byText.check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Add your phone number to get alerts by text.")).toBeVisible();

  await phone.fill("415.555.0199");
  await quiet.check();
  await page.getByLabel("Quiet from", { exact: true }).fill("22:30");
  await save();
  await page.reload();
  await expect(byText).toBeChecked();
  await expect(phone).toHaveValue("(415) 555-0199");
  await expect(page.getByLabel("Quiet from", { exact: true })).toHaveValue("22:30");

  await page.getByRole("button", { name: "Send me a test alert" }).click();
  await expect(page.getByText("Test alert on its way: a text and an email.")).toBeVisible();

  await page.getByRole("button", { name: "Turn on browser alerts" }).click();
  await expect(page.getByTestId("push-state")).toHaveAttribute("data-state", "blocked");
  expect(await page.evaluate(() => (window as unknown as { permissionAsks: string[] }).permissionAsks)).toEqual(["asked"]);

  await byText.uncheck();
  await phone.fill("");
  await quiet.uncheck();
  await save();
});
