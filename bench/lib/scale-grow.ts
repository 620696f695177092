// The two databases bench:scale serves from, each in a data dir laid out the way `npm start` keeps its own
// (BOLT_DATA_DIR: postgres/, its credentials, secrets.json), so the servers start on them exactly as
// `npm start` would. A dir is kept between runs and reused when its manifest says it is complete and grown
// to the same plan; otherwise it is wiped and grown again.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadOrCreateSecrets } from "../../scripts/lib/secrets";
import { generateScaleRows, type GrowPlan } from "./scale-generate";

export type Grown = {
  dataDir: string;
  salonId: string;
  apiKey: string;
  plan: GrowPlan | null;
  grewSeconds: number;
  grewNow?: boolean;
};
type Manifest = Grown & { complete: true };

const manifestPath = (dataDir: string) => path.join(dataDir, "bench-manifest.json");

function readManifest(dataDir: string, plan: GrowPlan | null): Grown | null {
  try {
    const m = JSON.parse(readFileSync(manifestPath(dataDir), "utf8")) as Manifest;
    return m.complete && JSON.stringify(m.plan) === JSON.stringify(plan) ? m : null;
  } catch {
    return null;
  }
}

/** Points this process's own database clients (lib/db, pg-boss) at `url`, as `npm start` does before seeding. */
export async function pointClientsAt(url: string, dataDir: string): Promise<void> {
  const secrets = loadOrCreateSecrets(dataDir);
  Object.assign(process.env, {
    DATABASE_URL: url,
    AUTH_SECRET: secrets.authSecret,
    TWILIO_ACCOUNT_SID: secrets.twilioSandbox.accountSid,
    TWILIO_AUTH_TOKEN: secrets.twilioSandbox.authToken,
    PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? "http://127.0.0.1:9",
  });
  (await import("@/lib/env")).reloadEnv();
}

/**
 * The demo salon as `npm start` seeds it (with the sandbox account, so its recordings are the sandbox's),
 * an API key for it, and with a plan the bulk rows of the other 999 salons. Returns what the bench needs.
 */
export async function ensureGrown(
  dataDir: string,
  plan: GrowPlan | null,
  say: (msg: string) => void,
): Promise<Grown> {
  const ready = readManifest(dataDir, plan);
  if (ready) return { ...ready, grewNow: false };
  if (existsSync(dataDir)) {
    say(`${dataDir} is incomplete or grown to another size: starting it again`);
    rmSync(dataDir, { recursive: true, force: true });
  }
  mkdirSync(dataDir, { recursive: true });
  const started = Date.now();
  const { startEmbeddedPostgres } = await import("@/lib/dev/embedded-postgres");
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), persistent: true });
  try {
    const { migrateUp } = await import("@/lib/db/migrator");
    await migrateUp(pg.appUrl);
    await pointClientsAt(pg.appUrl, dataDir);
    const { seedDemoSalon } = await import("@/lib/dev/seed/demo");
    const { db } = await import("@/lib/db");
    const { salonId } = await seedDemoSalon(db);
    const { createApiKey } = await import("@/lib/auth/api-keys");
    const { plaintextKey } = await createApiKey(salonId, { name: "bench:scale" });
    // The jobs the seed queued and the clients are closed before PostgreSQL goes.
    await (await import("@/lib/db/close-clients")).closeDatabaseClients();
    if (plan) {
      say(
        `growing ${dataDir} to ${plan.salons} salons, ${plan.rows.toLocaleString("en-US")} calls and notifications…`,
      );
      const superuserUrl = pg.adminUrl.replace(/\/postgres$/, `/${new URL(pg.appUrl).pathname.slice(1)}`);
      await generateScaleRows(superuserUrl, salonId, plan, say);
    }
    const grown: Grown = {
      dataDir,
      salonId,
      apiKey: plaintextKey,
      plan,
      grewSeconds: (Date.now() - started) / 1000,
    };
    writeFileSync(manifestPath(dataDir), JSON.stringify({ ...grown, complete: true }, null, 2));
    return { ...grown, grewNow: true };
  } finally {
    await pg.stop();
  }
}

/** The app URL of a data dir's PostgreSQL while a server runs on it (port and password from its credentials file). */
export function appUrlOf(dataDir: string): string {
  const file = path.join(dataDir, "postgres-credentials.json");
  const c = JSON.parse(readFileSync(file, "utf8")) as { appPassword: string; port: number };
  return `postgresql://bolt:${encodeURIComponent(c.appPassword)}@127.0.0.1:${c.port}/bolt`;
}
