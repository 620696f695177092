import { expect, test } from "@playwright/test";
import { uniqueEmail } from "../support";

test("a new salon signs up and lands on its dashboard", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Salon name").fill("Shear Joy Salon");
  await page.getByLabel("Your name").fill("Rosa Diaz");
  await page.getByLabel("Email").fill(uniqueEmail("rosa"));
  await page.getByLabel("Password").fill("a-long-password-1");
  await page.getByRole("button", { name: /create|sign up|start/i }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("Shear Joy Salon").first()).toBeVisible();
  await expect(page.getByText(/no number yet/i).first()).toBeVisible();
});

test("sign-up rejects a short password and keeps the form", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Salon name").fill("Tiny Salon");
  await page.getByLabel("Your name").fill("Tim");
  await page.getByLabel("Email").fill(uniqueEmail("tim"));
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: /create|sign up|start/i }).click();
  await expect(page.getByText(/at least 10 characters/i)).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
});
