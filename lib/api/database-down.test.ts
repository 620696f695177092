// Finding 10 of issue #10: PostgreSQL unreachable → 503 service_unavailable with Retry-After (not a 500), and
// answers again once it is back, without a restart. Every client in this file reaches the test database
// through a small TCP proxy that the test closes (refused connections) and cuts (in-flight queries).
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getSalon } from "@/app/api/salon/route";
import { POST as signUp } from "@/app/api/auth/signup/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { withSalon } from "@/lib/api/with-salon";
import { createApiKey } from "@/lib/auth/api-keys";
import { db, disconnectDb } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/db/connection-errors";
import { env } from "@/lib/env";
import { apiRequest, createSalonWithOwner, noParams, overrideEnv } from "@/lib/testing/auth-fixtures";
import { postInboundSms, smsParams } from "@/lib/testing/sms-test-kit";

const directUrl = env.DATABASE_URL;
const target = new URL(directUrl);
const sockets = new Set<net.Socket>();
let proxy: net.Server | undefined;
let port = 0;
let restoreEnv: () => void;
let key: string;

/** Opens (or reopens, on the same port) the proxy in front of the test database. */
async function openProxy(): Promise<void> {
  proxy = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => s.destroy());
      s.on("close", () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => proxy!.listen(port, "127.0.0.1", resolve));
  port = (proxy.address() as net.AddressInfo).port;
}

/** PostgreSQL "goes away": open connections are cut and new ones refused. */
async function cutProxy(): Promise<void> {
  const closed = new Promise((resolve) => proxy!.close(resolve));
  for (const s of sockets) s.destroy();
  await closed;
}

beforeAll(async () => {
  await openProxy();
  const viaProxy = new URL(directUrl);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(port);
  // The clients are built on first use, from the environment as it is then.
  await disconnectDb();
  await closeRateLimitStore();
  restoreEnv = overrideEnv({
    DATABASE_URL: viaProxy.toString(),
    // Only to sign a webhook: nothing here reaches Twilio.
    TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`,
    TWILIO_AUTH_TOKEN: "db-down-test-token-0123",
  });
  const salon = await createSalonWithOwner();
  key = (await createApiKey(salon.salonId, { name: "db down" })).plaintextKey;
});

afterAll(async () => {
  await disconnectDb();
  await closeRateLimitStore();
  if (proxy?.listening) await cutProxy();
  restoreEnv();
});

const expectUnavailable = async (res: Response) => {
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toBe("5");
  const text = await res.text();
  expect(JSON.parse(text)).toEqual({
    code: "service_unavailable",
    message: "Bolt can't reach its database right now. Try again shortly.",
  });
  expect(text).not.toMatch(/ECONN|127\.0\.0\.1|prisma|at .*\.ts/i);
};

// The API key lookup (system Prisma client) runs before the handler; the limiter has its own pg pool.
const countSalons = withSalon(async (_req, ctx) => Response.json({ count: await ctx.db.salon.count() }), {
  rateLimit: false,
});
const sleepInDatabase = withSalon(async () => Response.json(await db.$queryRaw`SELECT pg_sleep(10)`), {
  rateLimit: false,
});

describe("with the database unreachable", () => {
  it("answers 503 with Retry-After from routes, the rate limiter, sign-up and webhooks, then 200 once it is back", async () => {
    expect((await getSalon(apiRequest("/api/salon", { key }), noParams)).status).toBe(200);
    await cutProxy();

    await expectUnavailable(await getSalon(apiRequest("/api/salon", { key }), noParams));
    await expectUnavailable(await countSalons(apiRequest("/api/salons/count", { key }), noParams));
    await expectUnavailable(await signUp(apiRequest("/api/auth/signup", { json: { salonName: "x" } })));
    // A webhook's 503 makes Twilio retry it later.
    await expectUnavailable(
      await postInboundSms(smsParams({ from: "+14155550100", to: "+14155550199", body: "Hi" })),
    );

    await openProxy();
    expect((await getSalon(apiRequest("/api/salon", { key }), noParams)).status).toBe(200);
    expect((await countSalons(apiRequest("/api/salons/count", { key }), noParams)).status).toBe(200);
  });

  it("answers 503 when the connection drops in the middle of a query", async () => {
    if (!proxy?.listening) await openProxy();
    const pending = sleepInDatabase(apiRequest("/api/sleep", { key }), noParams);
    // Cut only once PostgreSQL is running the query (asked directly, not through the proxy).
    const observer = new pg.Client({ connectionString: directUrl });
    await observer.connect();
    try {
      for (let polls = 0; ; polls++) {
        const { rowCount } = await observer.query(
          `SELECT 1 FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(10)%' AND state = 'active'`,
        );
        if (rowCount) break;
        if (polls > 500) throw new Error("the query never started");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await cutProxy();
      await expectUnavailable(await pending);
      await observer.query(
        `SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(10)%'`,
      );
    } finally {
      await observer.end();
    }
    await openProxy();
    expect((await countSalons(apiRequest("/api/salons/count", { key }), noParams)).status).toBe(200);
  });
});

describe("isDatabaseUnavailable", () => {
  const withProps = (message: string, props: Record<string, unknown>) =>
    Object.assign(new Error(message), props);

  it("knows PostgreSQL going away, by code, adapter kind or pg's words", () => {
    for (const err of [
      withProps("terminating connection due to administrator command", { code: "57P01" }),
      withProps("sorry, too many clients already", { code: "53300" }),
      withProps("Can't reach database server", { code: "P1001" }),
      withProps("x", {
        code: "P2010",
        meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } },
      }),
      withProps("connect ECONNREFUSED 127.0.0.1:5432", { code: "ECONNREFUSED", syscall: "connect" }),
      new Error("Connection terminated unexpectedly"),
      new Error("wrapped", { cause: new Error("timeout exceeded when trying to connect") }),
    ]) {
      expect(isDatabaseUnavailable(err)).toBe(true);
    }
  });

  it("leaves other failures to be 500s: a client hanging up, another service's outage, a bug", () => {
    const refused = withProps("connect ECONNREFUSED 127.0.0.1:3001", {
      code: "ECONNREFUSED",
      syscall: "connect",
    });
    for (const err of [
      withProps("aborted", { code: "ECONNRESET" }),
      withProps("Request failed", { isAxiosError: true, code: "ECONNREFUSED", cause: refused }),
      new TypeError("fetch failed", { cause: refused }),
      withProps("Unique constraint failed", { code: "P2002" }),
      new Error("boom"),
      null,
      "text",
    ]) {
      expect(isDatabaseUnavailable(err)).toBe(false);
    }
  });
});
