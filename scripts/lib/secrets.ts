// Secrets the embedded default needs, generated once and kept under .data/ (git-ignored).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type LocalSecrets = {
  authSecret: string;
  twilioSandbox: { accountSid: string; authToken: string };
  stripeSandbox: { secretKey: string; webhookSecret: string };
};

const newStripeSandbox = () => ({
  secretKey: `sk_test_sandbox_${randomBytes(16).toString("hex")}`,
  webhookSecret: `whsec_${randomBytes(24).toString("base64url")}`,
});

export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Omit<LocalSecrets, "stripeSandbox"> & Partial<LocalSecrets>;
    if (stored.stripeSandbox) return stored as LocalSecrets;
    // A data directory from before billing: keep its secrets, add the Stripe sandbox's.
    const upgraded = { ...stored, stripeSandbox: newStripeSandbox() };
    writeFileSync(file, JSON.stringify(upgraded, null, 2), { mode: 0o600 });
    return upgraded;
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets: LocalSecrets = {
    authSecret: randomBytes(32).toString("base64url"),
    twilioSandbox: { accountSid: `AC${randomBytes(16).toString("hex")}`, authToken: randomBytes(16).toString("hex") },
    stripeSandbox: newStripeSandbox(),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
