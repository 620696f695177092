// Onboarding specs' helpers: sign up a new salon through the form, and (for the spec that runs before
// billing and provisioning exist) set a salon's subscription and number straight in the app's database.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
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

/** The app database of the server the specs run against (its embedded PostgreSQL, as the owner role). */
async function withAppDatabase<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set: run the specs through playwright.config.ts.");
  const creds = JSON.parse(readFileSync(path.join(dataDir, "postgres-credentials.json"), "utf8")) as { appPassword: string; port: number };
  const client = new pg.Client({ host: "127.0.0.1", port: creds.port, user: "bolt", password: creds.appPassword, database: "bolt" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Sets columns of the salon named `name` (what billing and provisioning would write). */
export function updateSalonByName(name: string, set: { subscriptionStatus?: string; twilioNumber?: string }): Promise<void> {
  const entries = Object.entries(set);
  const assignments = entries.map(([column, _], i) => `"${column}" = $${i + 2}${column === "subscriptionStatus" ? '::"SubscriptionStatus"' : ""}`);
  return withAppDatabase(async (client) => {
    const res = await client.query(`UPDATE salons SET ${assignments.join(", ")}, "updatedAt" = now() WHERE name = $1`, [name, ...entries.map(([, v]) => v)]);
    if (res.rowCount !== 1) throw new Error(`expected one salon named ${name}, updated ${res.rowCount}`);
  });
}

const AREA_CODES = [206, 212, 303, 312, 415, 503, 512, 617, 702, 713];

/** A fictional number (555-01xx) in a real area code, so it formats like any other. */
export function fictionalNumber(): string {
  const area = AREA_CODES[Math.floor(Math.random() * AREA_CODES.length)];
  return `+1${area}55501${String(Math.floor(Math.random() * 100)).padStart(2, "0")}`;
}

export function step(page: Page, id: string) {
  return page.locator(`li[data-step="${id}"]`);
}
