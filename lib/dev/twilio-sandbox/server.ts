// A local Twilio that speaks the 2010-04-01 REST wire format (plain node:http, no framework), so
// the real SDK, tests, the sandbox and the simulator exercise exactly the code that talks to Twilio.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fetchAccount } from "./accounts";
import { startDelivery } from "./callbacks";
import { TwilioApiError, authenticateError, notFoundError, twilioError } from "./errors";
import { API_VERSION } from "./fixtures";
import { parseBasicAuth, readForm, sendJson } from "./http";
import { defaultStandInLog, type StandInLog } from "./log";
import { deliverInboundMessage } from "./inbound-messages";
import { fetchMessageMedia, sendMedia } from "./media";
import { createMessage, fetchMessage, listMessages } from "./messages";
import {
  fetchNumber,
  listAvailableLocal,
  listNumbers,
  purchaseLocalNumber,
  purchaseNumber,
  releaseNumber,
  updateNumber,
} from "./phone-numbers";
import { fetchRecording, fetchRecordingMedia } from "./recordings";
import type { RouteContext, RouteHandler } from "./route-context";
import { TwilioStandInState, type NumberSeed, type StandInAccount } from "./state";

export type TwilioStandInOptions = {
  /** Accounts whose Basic credentials are accepted (sid:authToken). */
  accounts: StandInAccount[];
  /** Numbers owned from the start (and again after reset()). */
  numbers?: NumberSeed[];
  /** Pause before each status step after the first (sending, sent, delivered …). Default 50 ms. */
  callbackDelayMs?: number;
  /** Token to sign an account's callbacks with; defaults to that account's own auth token. */
  signCallbacksWith?: (accountSid: string) => string | undefined;
  /** Refuse a From the account doesn't own (Twilio's behaviour). Default true; the sandbox adopts it. */
  strictFrom?: boolean;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** Defaults to the app logger (component "twilio-standin"). */
  log?: StandInLog;
};

export type TwilioStandIn = {
  /** Base URL once listening, e.g. "http://127.0.0.1:53211" (throws before listen()). */
  readonly url: string;
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
  /** Stops answering (connections refused, open ones cut) but keeps every message and its progress. */
  goOffline(): Promise<void>;
  /** Answers again on the same port, with the state it had. */
  comeBackOnline(): Promise<string>;
  readonly state: TwilioStandInState;
};

type Route = { method: string; pattern: RegExp; handler: RouteHandler };

// Paths relative to /2010-04-01/Accounts/{AccountSid}. Exported for the spec check, which replays each.
export const ROUTES: Route[] = [
  { method: "GET", pattern: /^\.json$/, handler: fetchAccount },
  { method: "POST", pattern: /^\/Messages\.json$/, handler: createMessage },
  { method: "GET", pattern: /^\/Messages\.json$/, handler: listMessages },
  { method: "GET", pattern: /^\/Messages\/(?<sid>(?:SM|MM)[0-9A-Za-z]{32})\.json$/, handler: fetchMessage },
  {
    method: "GET",
    pattern: /^\/Messages\/(?<messageSid>(?:SM|MM)[0-9A-Za-z]{32})\/Media\/(?<sid>ME[0-9A-Za-z]{32})$/,
    handler: fetchMessageMedia,
  },
  { method: "GET", pattern: /^\/Recordings\/(?<sid>RE[0-9A-Za-z]{32})\.json$/, handler: fetchRecording },
  { method: "GET", pattern: /^\/Recordings\/(?<sid>RE[0-9A-Za-z]{32})(?<ext>\.mp3|\.wav)?$/, handler: fetchRecordingMedia },
  { method: "GET", pattern: /^\/AvailablePhoneNumbers\/(?<country>[A-Z]{2})\/Local\.json$/, handler: listAvailableLocal },
  { method: "GET", pattern: /^\/IncomingPhoneNumbers\.json$/, handler: listNumbers },
  { method: "POST", pattern: /^\/IncomingPhoneNumbers\.json$/, handler: purchaseNumber },
  { method: "POST", pattern: /^\/IncomingPhoneNumbers\/Local\.json$/, handler: purchaseLocalNumber },
  { method: "GET", pattern: /^\/IncomingPhoneNumbers\/(?<sid>PN[0-9A-Za-z]{32})\.json$/, handler: fetchNumber },
  { method: "POST", pattern: /^\/IncomingPhoneNumbers\/(?<sid>PN[0-9A-Za-z]{32})\.json$/, handler: updateNumber },
  { method: "DELETE", pattern: /^\/IncomingPhoneNumbers\/(?<sid>PN[0-9A-Za-z]{32})\.json$/, handler: releaseNumber },
];

const ACCOUNT_PATH = new RegExp(`^/${API_VERSION}/Accounts/(AC[0-9a-fA-F]{32})(.*)$`);
// The stand-in's own route, not Twilio's API: a phone texting one of the account's numbers (inbound-messages.ts).
const INBOUND_PATH = /^\/_sandbox\/Accounts\/(AC[0-9a-fA-F]{32})\/InboundMessages\.json$/;

/** The authenticated account may act on its own path and on its subaccounts', as on Twilio. */
function authenticate(state: TwilioStandInState, req: IncomingMessage, pathAccountSid: string): void {
  const credentials = parseBasicAuth(req.headers.authorization);
  const caller = credentials && state.findAccount(credentials.username);
  if (!caller || caller.authToken !== credentials.password) throw authenticateError();
  if (pathAccountSid !== caller.sid && state.findAccount(pathAccountSid)?.parentSid !== caller.sid) {
    throw authenticateError();
  }
}

export function createTwilioStandIn(options: TwilioStandInOptions): TwilioStandIn {
  const log = options.log ?? defaultStandInLog;
  const state = new TwilioStandInState({
    accounts: options.accounts,
    numbers: options.numbers,
    onBackgroundError: (err) => log.error({ err }, "twilio stand-in background work failed"),
  });
  const deliveryDeps = {
    state,
    delayMs: options.callbackDelayMs ?? 50,
    tokenFor: options.signCallbacksWith ?? ((sid: string) => state.findAccount(sid)?.authToken),
    log,
  };

  async function contextFor(req: IncomingMessage, url: URL, accountSid: string, params: Record<string, string>): Promise<RouteContext> {
    return {
      accountSid,
      path: url.pathname,
      query: url.searchParams,
      form: req.method === "POST" ? await readForm(req) : new URLSearchParams(),
      params,
      state,
      strictFrom: options.strictFrom ?? true,
      startDelivery: (message) => startDelivery(message, deliveryDeps),
      log,
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://standin.local");
    const method = req.method ?? "GET";
    const inbound = INBOUND_PATH.exec(url.pathname);
    const match = inbound ?? ACCOUNT_PATH.exec(url.pathname);
    if (!match) throw notFoundError(url.pathname);
    const [, accountSid = "", rest = ""] = match;
    authenticate(state, req, accountSid);
    if (inbound) {
      if (method !== "POST") throw new TwilioApiError(405, 20004, "Method not allowed");
      const reply = await deliverInboundMessage(await contextFor(req, url, accountSid, {}), deliveryDeps.tokenFor);
      sendJson(res, reply.status, reply.body);
      return;
    }

    const candidates = ROUTES.filter((r) => r.pattern.test(rest));
    const route = candidates.find((r) => r.method === method);
    if (!route) {
      if (candidates.length) throw new TwilioApiError(405, 20004, "Method not allowed");
      throw notFoundError(url.pathname);
    }
    const reply = await route.handler(await contextFor(req, url, accountSid, { ...route.pattern.exec(rest)?.groups }));
    if (reply.media) sendMedia(req, res, reply.media);
    else sendJson(res, reply.status, reply.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof TwilioApiError) {
        const headers: Record<string, string> = err.status === 401 ? { "WWW-Authenticate": 'Basic realm="Twilio API"' } : {};
        sendJson(res, err.status, err.toJSON(), headers);
        return;
      }
      log.error({ err, method: req.method, url: req.url }, "twilio stand-in request failed");
      sendJson(res, 500, twilioError(20500, undefined, 500).toJSON());
    });
  });

  let baseUrl: string | undefined;
  let port: number | undefined;
  const host = options.host ?? "127.0.0.1";
  const listen = (wanted = 0) =>
    new Promise<string>((resolve, reject) => {
      server.once("error", reject);
      server.listen(wanted, host, () => {
        server.off("error", reject);
        const address = server.address() as AddressInfo;
        const shownHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
        port = address.port;
        baseUrl = `http://${shownHost}:${address.port}`;
        resolve(baseUrl);
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Idle keep-alive sockets from the SDK would otherwise hold close() open.
      server.closeAllConnections();
    });
  return {
    state,
    get url() {
      if (!baseUrl) throw new Error("The Twilio stand-in is not listening yet: await listen() first.");
      return baseUrl;
    },
    listen,
    async close() {
      state.cancelPending();
      await stopListening();
      baseUrl = undefined;
    },
    goOffline: stopListening,
    comeBackOnline() {
      if (port === undefined) throw new Error("The Twilio stand-in never listened: call listen() first.");
      return listen(port);
    },
  };
}
