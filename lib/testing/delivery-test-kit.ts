// Shared by the delivery tests (only *.test.ts files import this): the real SMS status route served
// over HTTP (so the stand-in's signed callbacks hit the real handler), and salons wired to the stand-in.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, vi } from "vitest";
import { reloadEnv } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { db } from "@/lib/db";
import { createSalon, uniquePhone } from "@/lib/testing/factories";
import { clearSalonNumberCache } from "@/lib/telephony/find-salon-by-number";
import { buildWebhookUrl, signTwilioRequest } from "@/lib/telephony/signature";
import { resetTwilioClientsForTests } from "@/lib/telephony/twilio";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { MAIN_ACCOUNT, startStandInForTests } from "@/lib/testing/twilio-sandbox";
import { POST as smsStatusRoute } from "@/app/api/webhooks/twilio/sms/status/route";
import type { Prisma } from "@/lib/generated/prisma/client";

export const STATUS_PATH = "/api/webhooks/twilio/sms/status";

/**
 * Serves POST /api/webhooks/twilio/sms/status with the exported route handler and points
 * PUBLIC_BASE_URL at it. Call after startStandInForTests() (both reset the parsed env).
 */
export async function startStatusRoute(): Promise<{
  url: string;
  hits: number[];
  close: () => Promise<void>;
}> {
  const hits: number[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(key, value);
    const url = `http://127.0.0.1${req.url ?? "/"}`;
    const response =
      req.method === "POST" && new URL(url).pathname === STATUS_PATH
        ? await smsStatusRoute(new Request(url, { method: "POST", headers, body: Buffer.concat(chunks) }))
        : new Response("not found", { status: 404 });
    hits.push(response.status);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  vi.stubEnv("PUBLIC_BASE_URL", url);
  reloadEnv();
  resetTwilioClientsForTests();
  return {
    url,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type StatusRoute = Awaited<ReturnType<typeof startStatusRoute>>;

/**
 * Starts the Twilio stand-in (with `options`) and the status-callback route for the calling test file
 * (stopped after it, with pg-boss) and clears the stand-in's messages before each test. Read the
 * servers inside tests.
 */
export function setUpTextingServers(options?: Parameters<typeof startStandInForTests>[0]): {
  readonly standIn: TwilioStandIn;
  readonly route: StatusRoute;
} {
  const servers: { standIn?: TwilioStandIn; route?: StatusRoute } = {};
  beforeAll(async () => {
    servers.standIn = await startStandInForTests(options);
    servers.route = await startStatusRoute();
  });
  afterAll(async () => {
    await stopBoss();
    await servers.standIn?.close();
    await servers.route?.close();
  });
  beforeEach(() => servers.standIn?.state.reset());
  const started = <T>(server: T | undefined): T => {
    if (!server) throw new Error("setUpTextingServers: the servers start in beforeAll");
    return server;
  };
  return {
    get standIn() {
      return started(servers.standIn);
    },
    get route() {
      return started(servers.route);
    },
  };
}

/** A salon whose number the stand-in's main account owns; no quiet hours unless overridden. */
export async function createTextingSalon(
  standIn: TwilioStandIn,
  overrides: Partial<Prisma.SalonUncheckedCreateInput> = {},
) {
  const twilioNumber = overrides.twilioNumber ?? uniquePhone();
  const accountSid = overrides.twilioAccountSid ?? MAIN_ACCOUNT.sid;
  standIn.state.addNumber({ accountSid, phoneNumber: twilioNumber });
  clearSalonNumberCache(twilioNumber);
  return createSalon({ quietHoursStart: "00:00", quietHoursEnd: "00:00", ...overrides, twilioNumber });
}

/** Posts a status callback to the route handler directly, signed like Twilio (or not at all). */
export async function postStatusCallback(
  params: Record<string, string>,
  opts: { token?: string | null; path?: string; signedUrl?: string } = {},
): Promise<Response> {
  const path = opts.path ?? STATUS_PATH;
  const token = opts.token === undefined ? MAIN_ACCOUNT.authToken : opts.token;
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  if (token)
    headers.set(
      "x-twilio-signature",
      signTwilioRequest(token, opts.signedUrl ?? buildWebhookUrl(path), params),
    );
  const req = new Request(`http://internal.invalid${path}`, {
    method: "POST",
    headers,
    body: new URLSearchParams(params).toString(),
  });
  return smsStatusRoute(req);
}

export function eventsOf(notificationId: string) {
  return db.notificationEvent.findMany({
    where: { notificationId },
    orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }],
  });
}
