// Shared helpers for the browser specs: the demo logins seeded by `npm start` and a login step.
import { expect, type Page } from "@playwright/test";

export const OWNER = { email: "owner@demo.bolt", password: "demo-owner-pass" };
export const STAFF = { email: "staff@demo.bolt", password: "demo-staff-pass" };
export const DEMO_SALON = "Luxe Hair Studio";

export async function logIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signing in checks the password (argon2) and renders the dashboard (charts, needs attention): on a
  // server that just started, on two loaded cores, that first page has taken over 10 s.
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}
