// Settings → Messaging as an owner uses it: quiet hours turned off, then on again with other times,
// each kept across a reload. The spec puts back the hours it found, so later specs see the demo as seeded.
import { expect, test, type Page } from "@playwright/test";
import { logIn, OWNER } from "../support";

function messagingForm(page: Page) {
  return {
    toggle: page.getByLabel("Hold texts during quiet hours"),
    start: page.getByLabel("Quiet from", { exact: true }),
    end: page.getByLabel("Until", { exact: true }),
    save: async () => {
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByText("Messaging settings saved.")).toBeVisible();
    },
  };
}

test("the owner turns quiet hours off, then on with new times", async ({ page }) => {
  await logIn(page, OWNER);
  await page.goto("/settings/messaging");
  const form = messagingForm(page);
  const found = (await form.toggle.isChecked()) ? { start: await form.start.inputValue(), end: await form.end.inputValue() } : null;

  await form.toggle.uncheck();
  await form.save();
  await page.reload();
  await expect(form.toggle).not.toBeChecked();
  await expect(form.start).toBeDisabled();

  await form.toggle.check();
  await form.start.fill("21:30");
  await form.end.fill("07:30");
  await form.save();
  await page.reload();
  await expect(form.toggle).toBeChecked();
  await expect(form.start).toHaveValue("21:30");
  await expect(form.end).toHaveValue("07:30");

  if (found) {
    await form.start.fill(found.start);
    await form.end.fill(found.end);
  } else {
    await form.toggle.uncheck();
  }
  await form.save();
});
