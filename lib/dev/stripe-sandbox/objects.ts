// Stripe objects as the API returns them (API version 2026-10-28), built field for field after
// Stripe's published fixtures (shared/reference/stripe_fixtures3.json; objects.test.ts compares the
// keys and JSON types): every field present, sandbox values where Stripe would have real ones.
import { randomBytes } from "node:crypto";

export type StripeJson = Record<string, unknown>;

const ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** An id in Stripe's style: prefix, underscore, random letters and digits. */
export function newStripeId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let id = "";
  for (const byte of bytes) id += ALPHANUM[byte % ALPHANUM.length];
  return `${prefix}_${id}`;
}

const NO_ADDRESS = { city: null, country: null, line1: null, line2: null, postal_code: null, state: null };
const NO_TAX = { enabled: false, liability: null, disabled_reason: null };

export function customerObject(input: { id: string; created: number; email?: string | null; name?: string | null; metadata?: StripeJson }): StripeJson {
  return {
    id: input.id,
    object: "customer",
    address: null,
    balance: 0,
    created: input.created,
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: input.email ?? null,
    invoice_prefix: input.id.slice(4, 11).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: input.metadata ?? {},
    name: input.name ?? null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
}

export function productObject(input: { id: string; created: number; name: string; defaultPrice?: string | null }): StripeJson {
  return {
    id: input.id,
    object: "product",
    active: true,
    created: input.created,
    default_price: input.defaultPrice ?? null,
    description: null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: {},
    name: input.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    type: "service",
    unit_label: null,
    updated: input.created,
    url: null,
  };
}

export function priceObject(input: { id: string; created: number; product: string; unitAmount: number; currency: string; interval: string }): StripeJson {
  return {
    id: input.id,
    object: "price",
    active: true,
    billing_scheme: "per_unit",
    created: input.created,
    currency: input.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: input.product,
    recurring: { interval: input.interval, interval_count: 1, meter: null, usage_type: "licensed", trial_period_days: null },
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: "recurring",
    unit_amount: input.unitAmount,
    unit_amount_decimal: String(input.unitAmount),
  };
}

export function checkoutSessionObject(input: {
  id: string;
  created: number;
  url: string;
  customer: string | null;
  clientReferenceId: string | null;
  metadata: StripeJson;
  mode: string;
  successUrl: string | null;
  cancelUrl: string | null;
  paymentMethodCollection: string | null;
  amountTotal: number;
  currency: string;
}): StripeJson {
  return {
    id: input.id,
    object: "checkout.session",
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: input.amountTotal,
    amount_total: input.amountTotal,
    automatic_tax: { enabled: false, liability: null, status: null, provider: null },
    billing_address_collection: null,
    cancel_url: input.cancelUrl,
    client_reference_id: input.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: input.created,
    currency: input.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: input.customer,
    customer_account: null,
    customer_creation: input.customer ? null : "always",
    customer_details: null,
    customer_email: null,
    discounts: [],
    expires_at: input.created + 24 * 3600,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: input.metadata,
    mode: input.mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: input.paymentMethodCollection,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ["card"],
    payment_status: "unpaid",
    permissions: null,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: null,
    subscription: null,
    success_url: input.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted",
    url: input.url,
    wallet_options: null,
  };
}

export function portalSessionObject(input: { id: string; created: number; customer: string; returnUrl: string | null; url: string }): StripeJson {
  return {
    id: input.id,
    object: "billing_portal.session",
    configuration: "bpc_sandbox",
    created: input.created,
    customer: input.customer,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: input.returnUrl,
    url: input.url,
  };
}

export function subscriptionObject(input: {
  id: string;
  created: number;
  customer: string;
  price: StripeJson;
  status: string;
  trialEnd: number | null;
  periodEnd: number;
  metadata: StripeJson;
}): StripeJson {
  const item = {
    id: newStripeId("si", 14),
    object: "subscription_item",
    billing_thresholds: null,
    created: input.created,
    current_period_end: input.periodEnd,
    current_period_start: input.created,
    discounts: [],
    metadata: {},
    plan: null,
    price: input.price,
    quantity: 1,
    subscription: input.id,
    tax_rates: [],
  };
  return {
    id: input.id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: NO_TAX,
    billing_cycle_anchor: input.trialEnd ?? input.created,
    billing_cycle_anchor_config: null,
    billing_mode: { type: "flexible", flexible: null },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, reason: null },
    collection_method: "charge_automatically",
    created: input.created,
    currency: String(input.price.currency),
    customer: input.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, issuer: { type: "self" } },
    items: { object: "list", data: [item], has_more: false, url: `/v1/subscription_items?subscription=${input.id}` },
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: "off" },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: input.created,
    status: input.status,
    test_clock: null,
    transfer_data: null,
    trial_end: input.trialEnd,
    trial_settings: { end_behavior: { missing_payment_method: "cancel" } },
    trial_start: input.trialEnd ? input.created : null,
  };
}

export function invoiceObject(input: {
  id: string;
  created: number;
  customer: string;
  subscription: string;
  amount: number;
  currency: string;
  paid: boolean;
  periodStart: number;
  periodEnd: number;
}): StripeJson {
  const { amount, paid } = input;
  return {
    id: input.id,
    object: "invoice",
    account_country: "US",
    account_name: "Bolt sandbox",
    account_tax_ids: null,
    amount_due: amount,
    amount_overpaid: 0,
    amount_paid: paid ? amount : 0,
    amount_remaining: paid ? 0 : amount,
    amount_shipping: 0,
    application: null,
    attempt_count: 1,
    attempted: true,
    auto_advance: !paid,
    automatic_tax: { enabled: false, liability: null, status: null, disabled_reason: null, provider: null },
    automatically_finalizes_at: null,
    billing_reason: "subscription_cycle",
    collection_method: "charge_automatically",
    created: input.created,
    currency: input.currency,
    custom_fields: null,
    customer: input.customer,
    customer_account: null,
    customer_address: NO_ADDRESS,
    customer_email: null,
    customer_name: null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: input.created,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: "list", data: [], has_more: false, url: `/v1/invoices/${input.id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: paid ? null : input.created + 3 * 86400,
    number: null,
    on_behalf_of: null,
    parent: {
      quote_details: null,
      subscription_details: { metadata: null, subscription: input.subscription },
      type: "subscription_details",
    },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: input.periodEnd,
    period_start: input.periodStart,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: paid ? "paid" : "open",
    status_transitions: { finalized_at: input.created, marked_uncollectible_at: null, paid_at: paid ? input.created : null, voided_at: null },
    subscription: null,
    subtotal: amount,
    subtotal_excluding_tax: amount,
    test_clock: null,
    total: amount,
    total_discount_amounts: [],
    total_excluding_tax: amount,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: input.created,
  };
}

export function eventObject(input: { id: string; created: number; type: string; object: StripeJson; previousAttributes?: StripeJson; apiVersion: string }): StripeJson {
  return {
    id: input.id,
    object: "event",
    api_version: input.apiVersion,
    created: input.created,
    data: { object: input.object, ...(input.previousAttributes && { previous_attributes: input.previousAttributes }) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: input.type,
  };
}

/** Stripe's error body: `{ error: { type, code, message, param } }`. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }
  toJSON() {
    return { error: { type: this.type, code: this.code, message: this.message, param: this.param } };
  }
}

export const missing = (kind: string, id: string, param = "id") =>
  new StripeApiError(404, "invalid_request_error", `No such ${kind}: '${id}'`, "resource_missing", param);
