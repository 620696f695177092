// `npm start`: the whole product on one machine. With no DATABASE_URL it runs an embedded
// PostgreSQL under .data/, applies migrations, seeds the demo salon, starts the Twilio sandbox
// when no Twilio credentials are set (and the Stripe sandbox when no Stripe key is), builds the app if needed and serves it on PORT.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import v8 from "node:v8";
import { loadOrCreateSecrets } from "./lib/secrets";
import { closeServer, createShutdown } from "./lib/shutdown";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const started = Date.now();
const dataDir = path.resolve(root, process.env.BOLT_DATA_DIR ?? ".data");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const say = (msg: string) => console.log(`[bolt] ${msg}`);
const shutdown = createShutdown(say);

async function main() {
  // Under load V8 let the old generation grow to several times what was live before a full GC: RSS went from
  // ~330 MB to ~780 MB, all of it garbage (a heap snapshot after load held 117 MB), and came back only after
  // minutes idle. Growing by half of what is live at most kept it within ~70 MB of the start figure
  // (bench/api-request.ts --memory); BOLT_HEAP_GROWING_PERCENT=0 gives V8 its own choice back.
  const heapGrowingPercent = Number(process.env.BOLT_HEAP_GROWING_PERCENT ?? 50);
  if (heapGrowingPercent > 0) v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.PORT = String(port);
  process.env.PUBLIC_BASE_URL ??= `http://localhost:${port}`;
  const secrets = loadOrCreateSecrets(dataDir);
  process.env.AUTH_SECRET ??= secrets.authSecret;

  const embedded = !process.env.DATABASE_URL;
  if (embedded) {
    const { startEmbeddedPostgres, handleSignalsYourself } = await import("@/lib/dev/embedded-postgres");
    say(`starting embedded PostgreSQL (data in ${path.relative(root, dataDir) || "."}/postgres)`);
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), persistent: true });
    handleSignalsYourself();
    shutdown.add("PostgreSQL", () => pg.stop());
    process.env.DATABASE_URL = pg.appUrl;
  }

  // Before PostgreSQL stops, every client of it in this process lets go (createShutdown orders the
  // steps). Next's bundle shares these clients through globalThis.
  shutdown.add("database clients", async () => {
    const { closeDatabaseClients } = await import("@/lib/db/close-clients");
    await closeDatabaseClients();
  });

  const { migrateUp } = await import("@/lib/db/migrator");
  const applied = await migrateUp(process.env.DATABASE_URL!, { log: (m: string) => say(m) });
  say(applied.length ? `applied ${applied.length} migration(s)` : "database is up to date");

  let sandboxState: import("@/lib/dev/twilio-sandbox").TwilioStandInState | undefined;
  if (!process.env.TWILIO_ACCOUNT_SID) {
    const { startTwilioSandbox } = await import("@/lib/dev/twilio-sandbox");
    // A fixed port next to the app's, so `npm run worker` in another process can reach it too.
    const sandboxPort = Number(process.env.TWILIO_SANDBOX_PORT ?? port + 1);
    const sandbox = await startTwilioSandbox({
      accountSid: secrets.twilioSandbox.accountSid,
      authToken: secrets.twilioSandbox.authToken,
      port: sandboxPort,
    });
    shutdown.add("Twilio sandbox", () => sandbox.close());
    sandboxState = sandbox.state;
    process.env.TWILIO_ACCOUNT_SID = secrets.twilioSandbox.accountSid;
    process.env.TWILIO_AUTH_TOKEN = secrets.twilioSandbox.authToken;
    process.env.TWILIO_API_BASE_URL = sandbox.url;
    say(`Twilio sandbox listening at ${sandbox.url} (no real texts or calls leave this machine)`);
  }

  if (!process.env.STRIPE_SECRET_KEY) {
    const { startStripeSandbox } = await import("@/lib/dev/stripe-sandbox");
    const { standIn, priceId } = await startStripeSandbox({
      secretKey: secrets.stripeSandbox.secretKey,
      webhook: { url: `${process.env.PUBLIC_BASE_URL}/api/webhooks/stripe`, secret: secrets.stripeSandbox.webhookSecret },
      port: Number(process.env.STRIPE_SANDBOX_PORT ?? port + 2),
      // Customers and subscriptions outlive a restart, as the salons that point at them do.
      stateFile: path.join(dataDir, "stripe-sandbox.json"),
    });
    shutdown.add("Stripe sandbox", () => standIn.close());
    process.env.STRIPE_SECRET_KEY = secrets.stripeSandbox.secretKey;
    process.env.STRIPE_WEBHOOK_SECRET = secrets.stripeSandbox.webhookSecret;
    process.env.STRIPE_API_BASE_URL = standIn.url;
    process.env.STRIPE_PRICE_ID = priceId;
    say(`Stripe sandbox listening at ${standIn.url} (no real charges; control endpoint at /_sandbox/…)`);
  }

  // Modules loaded above may have parsed the environment before DATABASE_URL, TWILIO_* and STRIPE_* were set.
  const { getEnv, reloadEnv } = await import("@/lib/env");
  reloadEnv();
  getEnv(); // a bad variable stops the start here, by name
  const { startSalonClock } = await import("@/lib/time/clock");
  const salonClock = startSalonClock();
  if (salonClock) say(`sandbox clock: salons' hours are read as at ${salonClock.toISOString()} (BOLT_SANDBOX_NOW)`);

  const seedDemo = process.env.BOLT_SEED_DEMO ? process.env.BOLT_SEED_DEMO === "true" : embedded;
  if (seedDemo) {
    const { seedDemoSalon, DEMO_OWNER, DEMO_STAFF } = await import("@/lib/dev/seed/demo");
    const { db } = await import("@/lib/db");
    const { created } = await seedDemoSalon(db);
    say(created ? "seeded the demo salon" : "demo salon already present");
    process.env.BOLT_DEMO_LOGIN = `${DEMO_OWNER.email} / ${DEMO_OWNER.password} (staff: ${DEMO_STAFF.email} / ${DEMO_STAFF.password})`;
  }

  if (sandboxState) {
    // The sandbox forgets everything on restart: it asks the database for a recording when one is first
    // played, so voicemails play with or without the demo, and start-up takes no longer with more of them.
    const { serveSandboxRecordingsFromDatabase } = await import("@/lib/dev/seed/sandbox-recordings");
    const { db } = await import("@/lib/db");
    serveSandboxRecordingsFromDatabase(db, sandboxState, secrets.twilioSandbox.accountSid);
    say("Twilio sandbox serves the database's voicemail recordings");
    const { restoreSandboxNumbers } = await import("@/lib/dev/seed/sandbox-numbers");
    const numbers = await restoreSandboxNumbers(db, sandboxState, secrets.twilioSandbox.accountSid);
    say(`Twilio sandbox holds the salons' ${numbers} number(s)`);
  }

  if (!dev && (!existsSync(path.join(root, ".next", "BUILD_ID")) || process.argv.includes("--rebuild"))) {
    say("no build found: building the app (about a minute)…");
    const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
    const res = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: process.env });
    if (res.status !== 0) throw new Error("next build failed");
  }

  const { default: next } = await import("next");
  const app = next({ dev, dir: root, hostname: "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Every request passes the front gate first: it refuses what Next would answer with a 500 (or read a
  // whole oversized body for) and sets the client IP from the TCP peer and TRUST_PROXY.
  const { frontGate } = await import("@/lib/api/front-gate");
  const server = createServer(frontGate(handle, getEnv().TRUST_PROXY));
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  shutdown.add("web server", async () => {
    // Live streams (GET /api/live) never finish by themselves: end them, or closing waits out its limit.
    // The server stops accepting first, so no stream reconnects in between and starts a listener anew.
    const { closeLiveListener } = await import("@/lib/live/live-listener");
    const closing = closeServer(server);
    await closeLiveListener();
    // Their connections go idle a moment later, after closeServer's own sweep of idle ones.
    setTimeout(() => server.closeIdleConnections(), 200).unref();
    await closing;
  });

  if (process.env.RUN_JOBS_IN_PROCESS !== "false" && existsSync(path.join(root, "lib", "jobs", "worker.ts"))) {
    const { startWorker } = await import("@/lib/jobs/worker");
    const worker = await startWorker();
    shutdown.add("job worker", () => worker.stop());
    say("job worker running in this process");
  }

  // For bench/api-request.ts --memory: where the RSS is (V8's heap, external memory, array buffers).
  const memoryLogSeconds = Number(process.env.BOLT_MEMORY_LOG_SECONDS ?? 0);
  if (memoryLogSeconds > 0) {
    const mb = (n: number) => Math.round(n / 1048576);
    setInterval(() => {
      const m = process.memoryUsage();
      say(`memory MB: rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)}`);
    }, memoryLogSeconds * 1000).unref();
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  say(`ready in ${seconds}s at ${process.env.PUBLIC_BASE_URL}`);
  if (process.env.BOLT_DEMO_LOGIN) say(`log in at ${process.env.PUBLIC_BASE_URL}/login as ${process.env.BOLT_DEMO_LOGIN}`);
}

let stopping = false;
async function stop(signal: string, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: shutting down…`);
  const { skipped } = await shutdown.run();
  say(exitCode === 0 && skipped.length === 0 ? "stopped cleanly" : "stopped");
  process.exit(exitCode);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

main().catch(async (err) => {
  console.error(`[bolt] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  await stop("error", 1);
});
