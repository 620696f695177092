// A local Stripe that speaks the part of the v1 API Bolt uses (plain node:http), so the real SDK,
// tests and the sandbox exercise the code that talks to Stripe. Besides the API: hosted Checkout and
// Billing Portal pages, and a control endpoint (/_sandbox/…, README) for late, repeated and
// out-of-order events and failed payments.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { EventDelivery, type WebhookTarget } from "./delivery";
import { parseStripeForm } from "./form";
import { defaultStandInLog, type StandInLog } from "./log";
import { StripeApiError, type StripeJson } from "./objects";
import { checkoutPage, portalPage } from "./pages";
import { publicView, StripeStandInState } from "./state";

export type StripeStandInOptions = {
  /** The only key the API accepts (Authorization: Bearer …). */
  secretKey: string;
  /** Where events go, signed with `secret`; settable later with setWebhook(). */
  webhook?: WebhookTarget;
  /** Pause before an event is sent (after Checkout's redirect). Default 50 ms. */
  eventDelayMs?: number;
  /** The stand-in's clock (created, trial_end …); tests pass a fixed one. */
  now?: () => Date;
  stateFile?: string;
  host?: string;
  log?: StandInLog;
};

export type StripeStandIn = {
  readonly url: string;
  readonly state: StripeStandInState;
  readonly delivery: EventDelivery;
  setWebhook(target: WebhookTarget | undefined): void;
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
};

type Reply = { status: number; json?: unknown; html?: string; redirect?: string };
type Handler = (ctx: { params: Record<string, string>; body: StripeJson; query: URLSearchParams }) => Reply | Promise<Reply>;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function createStripeStandIn(options: StripeStandInOptions): StripeStandIn {
  const log = options.log ?? defaultStandInLog;
  let webhook = options.webhook;
  let baseUrl: string | undefined;
  const delivery = new EventDelivery({ target: () => webhook, delayMs: options.eventDelayMs ?? 50, log });
  const state = new StripeStandInState({
    now: options.now ?? (() => new Date()),
    baseUrl: () => baseUrl ?? "http://127.0.0.1",
    onEvent: (event) => delivery.enqueue(event),
    stateFile: options.stateFile,
  });
  const ok = (json: unknown): Reply => ({ status: 200, json });
  const planOf = (priceId: string) => {
    const price = state.price(priceId);
    return { price, name: String(state.product(String(price.product)).name) };
  };
  const withProduct = (price: StripeJson, query: URLSearchParams) =>
    // The SDK sends expand[0]=product; curl users write expand[]=product.
    [...query].some(([k, v]) => k.startsWith("expand[") && v === "product") ? { ...price, product: state.product(String(price.product)) } : price;

  // Authenticated with the secret key: the API and the control endpoint.
  const api: Array<[string, RegExp, Handler]> = [
    ["POST", /^\/v1\/customers$/, ({ body }) => ok(state.createCustomer(body))],
    ["GET", /^\/v1\/customers\/(?<id>[\w]+)$/, ({ params }) => ok(state.customer(params.id!))],
    ["POST", /^\/v1\/products$/, ({ body }) => ok(state.createProduct(body))],
    ["GET", /^\/v1\/products\/(?<id>[\w]+)$/, ({ params }) => ok(state.product(params.id!))],
    ["POST", /^\/v1\/prices$/, ({ body }) => ok(state.createPrice(body))],
    ["GET", /^\/v1\/prices\/(?<id>[\w]+)$/, ({ params, query }) => ok(withProduct(state.price(params.id!), query))],
    ["POST", /^\/v1\/checkout\/sessions$/, ({ body }) => ok(state.createCheckoutSession(body))],
    ["GET", /^\/v1\/checkout\/sessions\/(?<id>[\w]+)$/, ({ params }) => ok(publicView(state.checkoutSession(params.id!)))],
    ["POST", /^\/v1\/billing_portal\/sessions$/, ({ body }) => ok(state.createPortalSession(body))],
    ["GET", /^\/v1\/subscriptions\/(?<id>[\w]+)$/, ({ params }) => ok(state.subscription(params.id!))],
    ["POST", /^\/v1\/subscriptions\/(?<id>[\w]+)$/, ({ params, body }) => ok(state.updateSubscription(params.id!, body))],
    ["DELETE", /^\/v1\/subscriptions\/(?<id>[\w]+)$/, ({ params }) => ok(state.cancelSubscription(params.id!))],
    ["GET", /^\/v1\/events$/, ({ query }) => ok(state.listEvents(query))],
    ["GET", /^\/v1\/events\/(?<id>[\w]+)$/, ({ params }) => ok(state.event(params.id!))],
    // Control endpoint (README, "Stripe sandbox"): JSON or form bodies.
    ["GET", /^\/_sandbox\/deliveries$/, () => ok({ deliveries: delivery.deliveries })],
    [
      "POST",
      /^\/_sandbox\/events\/(?<id>\w+)\/deliver$/,
      async ({ params, body }) => {
        await delivery.redeliver(state.event(params.id!), { times: Number(body.times ?? 1), delayMs: Number(body.delayMs ?? 0) });
        return ok({ delivered: params.id, times: Number(body.times ?? 1) });
      },
    ],
    ["POST", /^\/_sandbox\/hold$/, () => (delivery.hold(), ok({ holding: true }))],
    ["POST", /^\/_sandbox\/release$/, async ({ body }) => ok({ released: await delivery.release(body.order === "reverse" ? "reverse" : "sent") })],
    ["POST", /^\/_sandbox\/checkout\/sessions\/(?<id>\w+)\/complete$/, ({ params }) => ok(state.completeCheckout(params.id!).session)],
    ["POST", /^\/_sandbox\/subscriptions\/(?<id>\w+)\/fail-payment$/, ({ params }) => ok(state.failPayment(params.id!))],
    ["POST", /^\/_sandbox\/subscriptions\/(?<id>\w+)\/pay$/, ({ params }) => ok(state.payInvoice(params.id!))],
    ["POST", /^\/_sandbox\/subscriptions\/(?<id>\w+)\/cancel-now$/, ({ params }) => ok(state.cancelSubscription(params.id!))],
  ];

  // The browser's pages: addressed by the session's unguessable id, as on Stripe.
  const portalActions: Record<string, (subscriptionId: string) => void> = {
    cancel: (id) => state.updateSubscription(id, { cancel_at_period_end: "true" }),
    resume: (id) => state.updateSubscription(id, { cancel_at_period_end: "false" }),
    "fail-payment": (id) => state.failPayment(id),
    pay: (id) => state.payInvoice(id),
    "cancel-now": (id) => state.cancelSubscription(id),
  };
  const pages: Array<[string, RegExp, Handler]> = [
    [
      "GET",
      /^\/checkout\/(?<id>\w+)$/,
      ({ params }) => {
        const session = state.checkoutSession(params.id!);
        const sandbox = session._sandbox as { priceId: string; subscriptionData: StripeJson };
        return { status: 200, html: checkoutPage(session, planOf(sandbox.priceId), Number(sandbox.subscriptionData.trial_period_days ?? 0)) };
      },
    ],
    [
      "POST",
      /^\/checkout\/(?<id>\w+)\/complete$/,
      ({ params }) => {
        const { redirectTo } = state.completeCheckout(params.id!);
        return redirectTo ? { status: 303, redirect: redirectTo } : { status: 200, html: "<p>Done.</p>" };
      },
    ],
    [
      "GET",
      /^\/portal\/(?<id>\w+)$/,
      ({ params }) => {
        const session = state.portalSession(params.id!);
        return { status: 200, html: portalPage(session, state.subscriptionOf(String(session.customer))) };
      },
    ],
    [
      "POST",
      /^\/portal\/(?<id>\w+)\/(?<action>[\w-]+)$/,
      ({ params }) => {
        const session = state.portalSession(params.id!);
        const subscription = state.subscriptionOf(String(session.customer));
        const act = portalActions[params.action!];
        if (!subscription || !act) throw new StripeApiError(404, "invalid_request_error", "Nothing to do.");
        act(String(subscription.id));
        return { status: 303, redirect: `/portal/${params.id}` };
      },
    ],
  ];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://standin.local");
    const method = req.method ?? "GET";
    const isApi = url.pathname.startsWith("/v1/") || url.pathname.startsWith("/_sandbox/");
    if (isApi && req.headers.authorization !== `Bearer ${options.secretKey}`) {
      throw new StripeApiError(401, "invalid_request_error", "Invalid API Key provided.", "api_key_invalid");
    }
    const routes = isApi ? api : pages;
    const candidates = routes.filter(([, pattern]) => pattern.test(url.pathname));
    const route = candidates.find(([m]) => m === method);
    if (!route) throw new StripeApiError(candidates.length ? 405 : 404, "invalid_request_error", `Unrecognized request URL (${method}: ${url.pathname}).`);
    const raw = method === "GET" ? "" : await readBody(req);
    const body = (req.headers["content-type"] ?? "").includes("json") && raw ? (JSON.parse(raw) as StripeJson) : parseStripeForm(new URLSearchParams(raw));
    const reply = await route[2]({ params: { ...route[1].exec(url.pathname)?.groups }, body, query: url.searchParams });
    if (reply.redirect) res.writeHead(reply.status, { location: reply.redirect }).end();
    else if (reply.html !== undefined) res.writeHead(reply.status, { "content-type": "text/html; charset=utf-8" }).end(reply.html);
    else res.writeHead(reply.status, { "content-type": "application/json", "stripe-version": "2026-10-28.endive", "request-id": `req_sandbox` }).end(JSON.stringify(reply.json));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const apiError = err instanceof StripeApiError ? err : new StripeApiError(500, "api_error", "The sandbox failed; see its log.");
      if (!(err instanceof StripeApiError)) log.error({ err, method: req.method, url: req.url }, "stripe stand-in request failed");
      res.writeHead(apiError.status, { "content-type": "application/json" }).end(JSON.stringify(apiError.toJSON()));
    });
  });

  const host = options.host ?? "127.0.0.1";
  return {
    state,
    delivery,
    get url() {
      if (!baseUrl) throw new Error("The Stripe stand-in is not listening yet: await listen() first.");
      return baseUrl;
    },
    setWebhook: (target) => {
      webhook = target;
    },
    listen: (wanted = 0) =>
      new Promise<string>((resolve, reject) => {
        server.once("error", reject);
        server.listen(wanted, host, () => {
          server.off("error", reject);
          const shownHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
          baseUrl = `http://${shownHost}:${(server.address() as AddressInfo).port}`;
          resolve(baseUrl);
        });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        delivery.cancelPending();
        server.close(() => resolve());
        server.closeAllConnections();
        baseUrl = undefined;
      }),
  };
}
