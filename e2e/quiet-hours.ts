// Quiet hours (21:00–08:00 salon time in the demo) hold texts until morning, so specs that watch a text
// reach Delivered turn them off first — and put back what they found afterwards, so the specs after
// them see the demo salon as seeded.
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { logIn, OWNER } from "./support";

type QuietHours = { start: string; end: string };

async function openMessagingSettings(page: Page) {
  await logIn(page, OWNER);
  await page.goto("/settings/messaging");
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

/** Turns quiet hours off as the owner and signs out; returns the hours to restore (null: they were off). */
async function turnOffQuietHours(page: Page): Promise<QuietHours | null> {
  const form = await openMessagingSettings(page);
  let saved: QuietHours | null = null;
  if (await form.toggle.isChecked()) {
    saved = { start: await form.start.inputValue(), end: await form.end.inputValue() };
    await form.toggle.uncheck();
    await form.save();
  }
  await page.context().clearCookies();
  return saved;
}

/** For afterAll: turns the saved quiet hours back on in a context of its own (the test's page is gone). */
async function restoreQuietHours(browser: Browser, testInfo: TestInfo, saved: QuietHours | null) {
  if (!saved) return;
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  try {
    const form = await openMessagingSettings(await context.newPage());
    await form.toggle.check();
    await form.start.fill(saved.start);
    await form.end.fill(saved.end);
    await form.save();
  } finally {
    await context.close();
  }
}

/**
 * Call at a spec file's top level: registers the afterAll that puts quiet hours back as they were, and
 * returns what the test calls to turn them off.
 */
export function restoreQuietHoursAfterAll(): (page: Page) => Promise<void> {
  let saved: QuietHours | null = null;
  test.afterAll(async ({ browser }, testInfo) => {
    await restoreQuietHours(browser, testInfo, saved);
    saved = null;
  });
  return async (page) => {
    saved = await turnOffQuietHours(page);
  };
}
