// What the Stripe stand-in knows, in memory (optionally kept in a JSON file so `npm start` remembers
// its customers and subscriptions across restarts), and the changes Checkout, the Billing Portal and
// the control endpoint make. Each change records an event as Stripe would and hands it to `onEvent`.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import {
  checkoutSessionObject,
  customerObject,
  eventObject,
  invoiceObject,
  missing,
  newStripeId,
  portalSessionObject,
  priceObject,
  productObject,
  StripeApiError,
  subscriptionObject,
  type StripeJson,
} from "./objects";

const STAND_IN_API_VERSION = "2026-10-28.endive";
const DAY = 86_400;

type Tables = Record<"customers" | "products" | "prices" | "checkoutSessions" | "portalSessions" | "subscriptions" | "invoices", Record<string, StripeJson>>;

const emptyTables = (): Tables => ({
  customers: {},
  products: {},
  prices: {},
  checkoutSessions: {},
  portalSessions: {},
  subscriptions: {},
  invoices: {},
});

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const obj = (v: unknown): StripeJson => (v && typeof v === "object" && !Array.isArray(v) ? (v as StripeJson) : {});

export class StripeStandInState {
  private tables: Tables = emptyTables();
  readonly events: StripeJson[] = [];

  constructor(
    private readonly opts: {
      now: () => Date;
      /** Base URL of the stand-in, for hosted page URLs. */
      baseUrl: () => string;
      onEvent: (event: StripeJson) => void;
      stateFile?: string;
    },
  ) {
    if (opts.stateFile && existsSync(opts.stateFile)) {
      this.tables = { ...emptyTables(), ...(JSON.parse(readFileSync(opts.stateFile, "utf8")) as Partial<Tables>) };
    }
  }

  private seconds(): number {
    return Math.floor(this.opts.now().getTime() / 1000);
  }

  private save(): void {
    if (this.opts.stateFile) writeFileSync(this.opts.stateFile, JSON.stringify(this.tables), { mode: 0o600 });
  }

  private get(table: keyof Tables, kind: string, id: string): StripeJson {
    const found = this.tables[table][id];
    if (!found) throw missing(kind, id);
    return found;
  }

  private emit(type: string, object: StripeJson, previousAttributes?: StripeJson): StripeJson {
    const event = eventObject({
      id: newStripeId("evt"),
      created: this.seconds(),
      type,
      // A snapshot: later changes to the object must not rewrite what this event said.
      object: structuredClone(object),
      previousAttributes,
      apiVersion: STAND_IN_API_VERSION,
    });
    this.events.unshift(event);
    this.opts.onEvent(event);
    return event;
  }

  reset(): void {
    this.tables = emptyTables();
    this.events.length = 0;
  }

  customer = (id: string) => this.get("customers", "customer", id);
  price = (id: string) => this.get("prices", "price", id);
  product = (id: string) => this.get("products", "product", id);
  checkoutSession = (id: string) => this.get("checkoutSessions", "checkout.session", id);
  portalSession = (id: string) => this.get("portalSessions", "billing_portal.session", id);
  subscription = (id: string) => this.get("subscriptions", "subscription", id);
  event = (id: string): StripeJson => {
    const found = this.events.find((e) => e.id === id);
    if (!found) throw missing("event", id);
    return found;
  };

  /** A product with one monthly price, reused when one of that name exists (a restarted sandbox). */
  ensurePlan(input: { name: string; unitAmount: number; currency: string }): StripeJson {
    const existing = Object.values(this.tables.products).find((p) => p.name === input.name && p.default_price);
    if (existing) return this.price(String(existing.default_price));
    const product = this.createProduct({ name: input.name });
    const price = this.createPrice({ product: String(product.id), unit_amount: String(input.unitAmount), currency: input.currency, recurring: { interval: "month" } });
    product.default_price = price.id;
    this.save();
    return price;
  }

  createCustomer(params: StripeJson): StripeJson {
    const customer = customerObject({ id: newStripeId("cus", 14), created: this.seconds(), email: str(params.email), name: str(params.name), metadata: obj(params.metadata) });
    this.tables.customers[String(customer.id)] = customer;
    this.save();
    this.emit("customer.created", customer);
    return customer;
  }

  createProduct(params: StripeJson): StripeJson {
    const name = str(params.name);
    if (!name) throw new StripeApiError(400, "invalid_request_error", "Missing required param: name.", "parameter_missing", "name");
    const product = productObject({ id: newStripeId("prod", 14), created: this.seconds(), name });
    this.tables.products[String(product.id)] = product;
    this.save();
    return product;
  }

  createPrice(params: StripeJson): StripeJson {
    const product = this.product(String(params.product ?? ""));
    const unitAmount = Number(params.unit_amount);
    if (!Number.isInteger(unitAmount)) throw new StripeApiError(400, "invalid_request_error", "Invalid integer: unit_amount", "parameter_invalid_integer", "unit_amount");
    const interval = str(obj(params.recurring).interval) ?? "month";
    const price = priceObject({ id: newStripeId("price"), created: this.seconds(), product: String(product.id), unitAmount, currency: str(params.currency) ?? "usd", interval });
    this.tables.prices[String(price.id)] = price;
    this.save();
    return price;
  }

  createCheckoutSession(params: StripeJson): StripeJson {
    const lineItems = Array.isArray(params.line_items) ? (params.line_items as StripeJson[]) : [];
    const priceId = str(lineItems[0]?.price);
    if (params.mode !== "subscription" || !priceId) {
      throw new StripeApiError(400, "invalid_request_error", "The sandbox supports mode=subscription with one line_items[0][price].", "parameter_invalid", "mode");
    }
    const price = this.price(priceId);
    const customer = str(params.customer);
    if (customer) this.customer(customer);
    const id = newStripeId("cs_test", 58);
    const session = checkoutSessionObject({
      id,
      created: this.seconds(),
      url: `${this.opts.baseUrl()}/checkout/${id}`,
      customer,
      clientReferenceId: str(params.client_reference_id),
      metadata: obj(params.metadata),
      mode: "subscription",
      successUrl: str(params.success_url),
      cancelUrl: str(params.cancel_url),
      paymentMethodCollection: str(params.payment_method_collection),
      amountTotal: Number(price.unit_amount),
      currency: String(price.currency),
    });
    // Kept beside the session (not a Stripe field): what the subscription it starts will look like.
    this.tables.checkoutSessions[id] = { ...session, _sandbox: { priceId, subscriptionData: obj(params.subscription_data) } };
    this.save();
    return session;
  }

  /** The hosted page's "Start trial": the customer, the subscription, then the two events. */
  completeCheckout(id: string): { session: StripeJson; redirectTo: string | null } {
    const stored = this.checkoutSession(id);
    const sandbox = obj(stored._sandbox);
    if (stored.status !== "open") return { session: publicView(stored), redirectTo: successUrl(stored) };
    const now = this.seconds();
    const customerId = str(stored.customer) ?? String(this.createCustomer({ metadata: stored.metadata }).id);
    const subscriptionData = obj(sandbox.subscriptionData);
    const trialDays = Number(subscriptionData.trial_period_days ?? 0);
    const trialEnd = trialDays > 0 ? now + trialDays * DAY : null;
    const subscription = subscriptionObject({
      id: newStripeId("sub"),
      created: now,
      customer: customerId,
      price: structuredClone(this.price(String(sandbox.priceId))),
      status: trialEnd ? "trialing" : "active",
      trialEnd,
      periodEnd: trialEnd ?? now + 30 * DAY,
      metadata: obj(subscriptionData.metadata),
    });
    this.tables.subscriptions[String(subscription.id)] = subscription;
    Object.assign(stored, {
      customer: customerId,
      subscription: subscription.id,
      status: "complete",
      payment_status: trialEnd ? "no_payment_required" : "paid",
      url: null,
    });
    this.save();
    const session = publicView(stored);
    this.emit("checkout.session.completed", session);
    this.emit("customer.subscription.created", subscription);
    return { session, redirectTo: successUrl(stored) };
  }

  createPortalSession(params: StripeJson): StripeJson {
    const customer = String(this.customer(String(params.customer ?? "")).id);
    const id = newStripeId("bps");
    const session = portalSessionObject({ id, created: this.seconds(), customer, returnUrl: str(params.return_url), url: `${this.opts.baseUrl()}/portal/${id}` });
    this.tables.portalSessions[id] = session;
    this.save();
    return session;
  }

  /** The customer's newest subscription (what the portal page shows and acts on). */
  subscriptionOf(customerId: string): StripeJson | undefined {
    return Object.values(this.tables.subscriptions)
      .filter((s) => s.customer === customerId)
      .sort((a, b) => Number(b.created) - Number(a.created))[0];
  }

  private change(subscription: StripeJson, fields: StripeJson, type = "customer.subscription.updated"): StripeJson {
    const previous = Object.fromEntries(Object.keys(fields).map((k) => [k, subscription[k] ?? null]));
    Object.assign(subscription, fields);
    this.save();
    this.emit(type, subscription, type === "customer.subscription.updated" ? previous : undefined);
    return subscription;
  }

  private periodEnd(subscription: StripeJson): number {
    const items = obj(subscription.items).data as StripeJson[] | undefined;
    return Number(items?.[0]?.current_period_end ?? this.seconds());
  }

  /** POST /v1/subscriptions/{id}: cancel_at_period_end and metadata, the fields Bolt and the portal use. */
  updateSubscription(id: string, params: StripeJson): StripeJson {
    const subscription = this.subscription(id);
    const fields: StripeJson = {};
    if (params.cancel_at_period_end !== undefined) {
      const cancel = params.cancel_at_period_end === "true";
      // Since 2025-03-31 Stripe sets cancel_at to the period's end when cancel_at_period_end is set.
      Object.assign(fields, { cancel_at_period_end: cancel, cancel_at: cancel ? this.periodEnd(subscription) : null, canceled_at: cancel ? this.seconds() : null });
    }
    if (params.metadata !== undefined) fields.metadata = { ...obj(subscription.metadata), ...obj(params.metadata) };
    return this.change(subscription, fields);
  }

  /** DELETE /v1/subscriptions/{id}: ends it now (customer.subscription.deleted). */
  cancelSubscription(id: string): StripeJson {
    const subscription = this.subscription(id);
    if (subscription.status === "canceled") return subscription;
    const now = this.seconds();
    return this.change(subscription, { status: "canceled", canceled_at: now, ended_at: now }, "customer.subscription.deleted");
  }

  private invoiceFor(subscription: StripeJson, paid: boolean): StripeJson {
    const price = obj((obj(subscription.items).data as StripeJson[])[0]?.price);
    const now = this.seconds();
    const invoice = invoiceObject({
      id: newStripeId("in"),
      created: now,
      customer: String(subscription.customer),
      subscription: String(subscription.id),
      amount: Number(price.unit_amount ?? 0),
      currency: String(price.currency ?? "usd"),
      paid,
      periodStart: now,
      periodEnd: now + 30 * DAY,
    });
    this.tables.invoices[String(invoice.id)] = invoice;
    return invoice;
  }

  /** The next charge fails: invoice.payment_failed, then the subscription goes past_due. */
  failPayment(id: string): StripeJson {
    const subscription = this.subscription(id);
    const invoice = this.invoiceFor(subscription, false);
    this.emit("invoice.payment_failed", invoice);
    return this.change(subscription, { status: "past_due", latest_invoice: invoice.id });
  }

  /** The next charge succeeds (a trial ends, or past-due billing is fixed): invoice.paid, then active. */
  payInvoice(id: string): StripeJson {
    const subscription = this.subscription(id);
    const invoice = this.invoiceFor(subscription, true);
    this.emit("invoice.paid", invoice);
    const items = obj(subscription.items).data as StripeJson[];
    for (const item of items) item.current_period_end = Number(invoice.period_end);
    return this.change(subscription, { status: "active", latest_invoice: invoice.id, trial_end: subscription.trial_end ?? null });
  }

  /** GET /v1/events: newest first, optionally one type, `limit` (default 10, at most 100). */
  listEvents(query: URLSearchParams): StripeJson {
    const type = query.get("type");
    const limit = Math.min(Number(query.get("limit") ?? 10) || 10, 100);
    const matching = this.events.filter((e) => !type || e.type === type);
    return { object: "list", url: "/v1/events", has_more: matching.length > limit, data: matching.slice(0, limit) };
  }
}

/** A stored Checkout session without the sandbox's own notes: what the API returns. */
export function publicView(stored: StripeJson): StripeJson {
  const { _sandbox: _ignored, ...session } = stored;
  void _ignored;
  return session;
}

function successUrl(session: StripeJson): string | null {
  const url = str(session.success_url);
  return url ? url.replace("{CHECKOUT_SESSION_ID}", String(session.id)) : null;
}
