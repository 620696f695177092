// Test helpers: a stand-in wired into the environment (so getTwilioClient() talks to it) and a
// local receiver that records status callbacks. Only *.test.ts files import this.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { vi } from "vitest";
import { reloadEnv } from "@/lib/env";
import { newSid } from "@/lib/dev/twilio-sandbox/fixtures";
import { createTwilioStandIn, type TwilioStandIn, type TwilioStandInOptions } from "@/lib/dev/twilio-sandbox/server";
import type { StandInAccount } from "@/lib/dev/twilio-sandbox/state";

export const MAIN_ACCOUNT: StandInAccount = { sid: newSid("AC"), authToken: "main-token-0123456789abcdef" };
export const SUB_ACCOUNT: StandInAccount = { sid: newSid("AC"), authToken: "sub-token-0123456789abcdef", parentSid: MAIN_ACCOUNT.sid };
export const OTHER_ACCOUNT: StandInAccount = { sid: newSid("AC"), authToken: "other-token-0123456789abcdef" };

/** Starts a stand-in with the three accounts above and points TWILIO_* at it (main account). */
export async function startStandInForTests(options: Partial<TwilioStandInOptions> = {}): Promise<TwilioStandIn> {
  const standIn = createTwilioStandIn({ accounts: [MAIN_ACCOUNT, SUB_ACCOUNT, OTHER_ACCOUNT], callbackDelayMs: 5, ...options });
  await standIn.listen();
  pointEnvAt(standIn);
  return standIn;
}

/** TWILIO_* now name `standIn` and the main account; env is re-read on next use. */
export function pointEnvAt(standIn: TwilioStandIn): void {
  vi.stubEnv("TWILIO_API_BASE_URL", standIn.url);
  vi.stubEnv("TWILIO_ACCOUNT_SID", MAIN_ACCOUNT.sid);
  vi.stubEnv("TWILIO_AUTH_TOKEN", MAIN_ACCOUNT.authToken);
  reloadEnv();
}

export type ReceivedRequest = { url: string; headers: IncomingHttpHeaders; params: Record<string, string> };

/** A webhook receiver on 127.0.0.1 that records each POST and answers 200 unless told otherwise. */
export async function startCallbackReceiver() {
  const requests: ReceivedRequest[] = [];
  const answers: number[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
    requests.push({ url: `${base}${req.url ?? ""}`, headers: req.headers, params });
    res.writeHead(answers.shift() ?? 200, { "Content-Type": "text/xml" }).end("<Response/>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    /** The next responses' HTTP statuses, in order (then 200 again). */
    answerNext: (...statuses: number[]) => answers.push(...statuses),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A port nothing listens on: for "receiver unreachable" tests. */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
