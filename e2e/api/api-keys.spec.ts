import { expect, test } from "@playwright/test";
import { DEMO_SALON, logIn, OWNER } from "../support";

test("an API key works on an API route, and a revoked one gets 401", async ({ page, request }) => {
  await logIn(page, OWNER);
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: /create.*key/i }).first().click();
  const dialog = page.getByRole("dialog");
  const name = `e2e key ${Date.now()}`;
  await dialog.getByLabel(/name/i).fill(name);
  await dialog.getByRole("button", { name: /create/i }).click();

  const shown = dialog.getByText(/bolt_live_[A-Za-z0-9]+/);
  await expect(shown).toBeVisible();
  const key = ((await shown.textContent()) ?? "").match(/bolt_live_[A-Za-z0-9]+/)?.[0];
  expect(key).toBeTruthy();

  const ok = await request.get("/api/salon", { headers: { Authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);
  expect(JSON.stringify(await ok.json())).toContain(DEMO_SALON);

  await dialog.getByRole("button", { name: /done|close/i }).first().click();
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: /revoke/i }).click();
  // The key's own row says so once the server has revoked it (the page's help text also says "revoked").
  await expect(page.getByRole("row", { name: new RegExp(name) }).getByText("Revoked", { exact: true })).toBeVisible();

  const denied = await request.get("/api/salon", { headers: { Authorization: `Bearer ${key}` } });
  expect(denied.status()).toBe(401);
  expect((await denied.json()).code).toBe("unauthorized");
});
