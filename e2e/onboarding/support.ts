// Onboarding specs' helpers: sign up a new salon through the form, and find a step of its checklist.
import { expect, type Page } from "@playwright/test";
import { uniqueEmail } from "../support";

export async function signUpNewSalon(page: Page, salonName: string): Promise<{ email: string; password: string }> {
  const email = uniqueEmail("onboarding");
  const password = "a-long-password-1";
  await page.goto("/signup");
  await page.getByLabel("Salon name").fill(salonName);
  await page.getByLabel("Your name").fill("Rosa Diaz");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /create|sign up|start/i }).click();
  await expect(page).toHaveURL(/\/$/);
  return { email, password };
}

export function step(page: Page, id: string) {
  return page.locator(`li[data-step="${id}"]`);
}
