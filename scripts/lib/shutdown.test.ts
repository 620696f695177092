// `npm start`'s shutdown. The order and limits with stand-in steps, then the real pieces (embedded
// PostgreSQL, Prisma and the pools, pg-boss and the worker, the Twilio sandbox, an HTTP server) after
// PostgreSQL was killed from outside: the case where Ctrl-C used to hang with the sandbox port bound.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { closeServer, createShutdown } from "./shutdown";

describe("createShutdown", () => {
  it("stops in its fixed order, whatever the order pieces started in", async () => {
    const stopped: string[] = [];
    const shutdown = createShutdown(() => {});
    for (const name of [
      "PostgreSQL",
      "Twilio sandbox",
      "database clients",
      "job worker",
      "web server",
    ] as const)
      shutdown.add(name, async () => void stopped.push(name));

    expect(await shutdown.run()).toEqual({ skipped: [] });
    expect(stopped).toEqual(["web server", "job worker", "database clients", "Twilio sandbox", "PostgreSQL"]);
  });

  it("passes a step that overruns its limit or fails, says so, and still runs the rest", async () => {
    const logged: string[] = [];
    const stopped: string[] = [];
    const shutdown = createShutdown((m) => logged.push(m), { "job worker": 50 });
    shutdown.add("job worker", () => new Promise<void>(() => {})); // never settles
    shutdown.add("database clients", async () => {
      throw new Error("connection terminated");
    });
    shutdown.add("PostgreSQL", async () => void stopped.push("PostgreSQL"));

    expect(await shutdown.run()).toEqual({ skipped: ["job worker", "database clients"] });
    expect(stopped).toEqual(["PostgreSQL"]);
    expect(logged).toEqual([
      "job worker did not stop within 0.05s: skipped, going on",
      "database clients failed to stop (connection terminated): going on",
    ]);
  });
});

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

describe("stopping npm start's pieces after PostgreSQL was killed", () => {
  it("ends within 10 s, every step done, and frees the sandbox port", { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bolt-shutdown-"));
    dirs.push(dir);
    const logged: string[] = [];
    const shutdown = createShutdown((m) => logged.push(m));

    // Started and registered as scripts/start.ts does (a throwaway cluster: no fsync, quicker to set up).
    const { startEmbeddedPostgres } = await import("@/lib/dev/embedded-postgres");
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), persistent: false });
    shutdown.add("PostgreSQL", () => pg.stop());
    const { closeDatabaseClients } = await import("@/lib/db/close-clients");
    shutdown.add("database clients", () => closeDatabaseClients());
    const { migrateUp } = await import("@/lib/db/migrator");
    await migrateUp(pg.appUrl);
    const { startTwilioSandbox } = await import("@/lib/dev/twilio-sandbox");
    const credentials = { accountSid: `AC${"5".repeat(32)}`, authToken: "shutdown-test-token-0123456789" };
    const sandbox = await startTwilioSandbox({ ...credentials, port: 0 });
    shutdown.add("Twilio sandbox", () => sandbox.close());
    Object.assign(process.env, {
      DATABASE_URL: pg.appUrl,
      TWILIO_ACCOUNT_SID: credentials.accountSid,
      TWILIO_AUTH_TOKEN: credentials.authToken,
      TWILIO_API_BASE_URL: sandbox.url,
    });
    const { reloadEnv } = await import("@/lib/env");
    reloadEnv();
    const server = createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    shutdown.add("web server", () => closeServer(server));
    const { startWorker } = await import("@/lib/jobs/worker");
    const worker = await startWorker();
    shutdown.add("job worker", () => worker.stop());

    // Every client in use: Prisma, the call-log pool, the rate-limit pool; and a kept-alive socket.
    const { createSalon } = await import("@/lib/testing/factories");
    const { insertInboundCallLog } = await import("@/lib/calls/insert-call-log");
    const { consumePoints, getLimiter } = await import("@/lib/api/rate-limit-store");
    const salon = await createSalon();
    const call = {
      salonId: salon.id,
      callSid: `CA${"7".repeat(32)}`,
      from: "+14155550100",
      to: "+14155550199",
    };
    expect(await insertInboundCallLog({ ...call, status: "RINGING", startedAt: new Date(0) })).toBe(true);
    await consumePoints(getLimiter({ keyPrefix: "shutdown-test", points: 5, durationSeconds: 60 }), "key");
    const port = (server.address() as net.AddressInfo).port;
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve) =>
      request({ port, agent }, (res) => res.resume().on("end", resolve)).end(),
    );

    const postmaster = Number(
      readFileSync(path.join(dir, "postgres", "postmaster.pid"), "utf8").split("\n")[0],
    );
    process.kill(postmaster, "SIGKILL");
    await sleep(500); // the pools notice their connections drop, as they would under npm start

    const sandboxPort = Number(new URL(sandbox.url).port);
    const started = performance.now();
    const { skipped } = await shutdown.run();
    const took = performance.now() - started;

    expect(logged).toEqual([]);
    expect(skipped).toEqual([]);
    expect(took).toBeLessThan(10_000);
    expect(await canListen(sandboxPort)).toBe(true);
    agent.destroy();
  });
});
