// The local mail sink as the team specs read it: with no SMTP_URL, an e-mail stays in its notification
// row (README → Texting), so the newest link sent to an address is read from the app's database.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import pg from "pg";

async function newestEmailBody(to: string): Promise<string | null> {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set: run the specs through playwright.config.ts.");
  const creds = JSON.parse(readFileSync(path.join(dataDir, "postgres-credentials.json"), "utf8")) as { appPassword: string; port: number };
  const client = new pg.Client({ host: "127.0.0.1", port: creds.port, user: "bolt", password: creds.appPassword, database: "bolt" });
  await client.connect();
  try {
    const { rows } = await client.query<{ body: string }>(
      `SELECT body FROM notifications WHERE channel = 'EMAIL' AND destination = $1 ORDER BY "createdAt" DESC LIMIT 1`,
      [to],
    );
    return rows[0]?.body ?? null;
  } finally {
    await client.end();
  }
}

/** The path of the newest `/invite/…` or `/reset-password/…` link e-mailed to `to`, waiting for it to be written. */
export async function emailedLinkPath(to: string, kind: "invite" | "reset-password"): Promise<string> {
  const pattern = new RegExp(`/${kind}/[A-Za-z0-9_-]{43}`);
  let found: string | undefined;
  await expect
    .poll(async () => (found = pattern.exec((await newestEmailBody(to)) ?? "")?.[0]), { message: `a ${kind} e-mail to ${to}` })
    .toBeTruthy();
  return found!;
}
