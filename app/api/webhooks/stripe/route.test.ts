// POST /api/webhooks/stripe against the Stripe stand-in: signatures (none, wrong, tampered) write
// nothing; every handled event type, as the stand-in sends it (fixture-shaped), moves the salon's
// stored subscription; an event delivered 5 times at once is handled once; events out of order, late
// or about an older state never roll the salon back; unknown types are acknowledged.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { handleStripeEvent } from "@/lib/billing/handle-stripe-event";
import { getStripe, type Stripe } from "@/lib/billing/stripe";
import type { StripeJson } from "@/lib/dev/stripe-sandbox/objects";
import { createSalon } from "@/lib/testing/factories";
import { findReferenceSpec } from "@/lib/testing/prism-proxy";
import { signedStripeRequest, startStripeStandInForTests } from "@/lib/testing/stripe-sandbox";
import { POST } from "./route";

const syncNumber = vi.hoisted(() => vi.fn(async () => {}));
vi.mock("@/lib/phone-numbers/subscription-sync", () => ({ syncNumberWithSubscription: syncNumber }));

const NOW = new Date("2026-03-02T12:00:00Z");
let sandbox: Awaited<ReturnType<typeof startStripeStandInForTests>>;

beforeAll(async () => {
  sandbox = await startStripeStandInForTests(POST, { now: () => NOW });
  // Tests decide when events go out: held, then released (and awaited) or sent by hand.
  sandbox.standIn.delivery.hold();
});
afterAll(() => sandbox.close());

/** A salon with a Stripe customer and a completed sandbox Checkout; the events are held, not sent. */
async function subscribedSalon() {
  const salon = await createSalon();
  const customer = await getStripe().customers.create({ metadata: { salonId: salon.id } });
  await db.salon.update({ where: { id: salon.id }, data: { stripeCustomerId: customer.id } });
  const session = await getStripe().checkout.sessions.create({
    mode: "subscription",
    customer: customer.id,
    client_reference_id: salon.id,
    line_items: [{ price: sandbox.priceId, quantity: 1 }],
    subscription_data: { trial_period_days: 14, metadata: { salonId: salon.id } },
    success_url: "http://localhost:3000/settings/billing?checkout=done",
  });
  const { session: completed } = sandbox.standIn.state.completeCheckout(session.id);
  return { salon, subscriptionId: String(completed.subscription), customerId: customer.id };
}

const salonRow = (id: string) => db.salon.findUniqueOrThrow({ where: { id } });
/** The salon's audit trail of status changes, oldest first: "FROM→TO by event type". */
async function statusTrail(salonId: string): Promise<string[]> {
  const rows = await db.auditLog.findMany({ where: { salonId, action: "subscription.status_changed" }, orderBy: { createdAt: "asc" } });
  const types = new Map(sandbox.standIn.state.events.map((e) => [String(e.id), String(e.type)]));
  return rows.map((r) => {
    const m = r.metadata as { from: string; to: string; eventId: string };
    return `${m.from}→${m.to} by ${types.get(m.eventId) ?? m.eventId}`;
  });
}
const eventRows = (eventId: string) => db.webhookEvent.count({ where: { provider: "STRIPE", eventId } });
const lastEvent = (type: string): StripeJson => sandbox.standIn.state.events.find((e) => e.type === type)!;
const send = (event: StripeJson) => POST(signedStripeRequest(event));

describe("signatures", () => {
  it.each([
    ["unsigned", null, "missing_signature"],
    ["signed with another secret", "whsec_not_ours_0123456789", "invalid_signature"],
  ])("answers 400 to an %s event and writes nothing", async (_name, secret, code) => {
    const { salon } = await subscribedSalon();
    const event = lastEvent("checkout.session.completed");
    const res = await POST(signedStripeRequest(event, secret));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code });
    expect(await eventRows(String(event.id))).toBe(0);
    expect((await salonRow(salon.id)).subscriptionStatus).toBe("NONE");
    await sandbox.standIn.delivery.release(); // drop the held events
    sandbox.standIn.delivery.hold();
  });

  it("answers 400 when the body was changed after signing", async () => {
    const event = { id: "evt_tampered", object: "event", type: "invoice.paid", data: { object: {} } };
    const req = signedStripeRequest(event);
    const tampered = new Request(req.url, { method: "POST", headers: req.headers, body: JSON.stringify({ ...event, type: "customer.subscription.deleted" }) });
    const res = await POST(tampered);
    expect(res.status).toBe(400);
    expect(await eventRows("evt_tampered")).toBe(0);
  });
});

describe("event types", () => {
  it("checkout.session.completed + customer.subscription.created: trialing, with trial end, period and price", async () => {
    const { salon, subscriptionId } = await subscribedSalon();
    expect(await sandbox.standIn.delivery.release()).toHaveLength(3); // customer.created too
    sandbox.standIn.delivery.hold();
    const row = await salonRow(salon.id);
    const trialEnd = new Date(NOW.getTime() + 14 * 86_400_000);
    expect(row).toMatchObject({
      subscriptionStatus: "TRIALING",
      stripeSubscriptionId: subscriptionId,
      stripePriceId: sandbox.priceId,
      trialEndsAt: trialEnd,
      currentPeriodEnd: trialEnd,
      cancelAt: null,
    });
    expect(await db.webhookEvent.count({ where: { salonId: salon.id, processedAt: { not: null } } })).toBe(2);
    expect(syncNumber).toHaveBeenCalledWith(salon.id, expect.any(Date));
  });

  it("customer.subscription.updated (cancel at period end), invoice.payment_failed, invoice.paid, customer.subscription.deleted", async () => {
    const { salon, subscriptionId } = await subscribedSalon();
    await sandbox.standIn.delivery.release();
    const state = sandbox.standIn.state;
    const step = async (act: () => void, type: string) => {
      sandbox.standIn.delivery.hold();
      act();
      const res = await send(lastEvent(type));
      expect(res.status).toBe(200);
      await sandbox.standIn.delivery.release(); // the companion events (subscription.updated) too
      return salonRow(salon.id);
    };
    expect(await step(() => state.updateSubscription(subscriptionId, { cancel_at_period_end: "true" }), "customer.subscription.updated")).toMatchObject({
      subscriptionStatus: "TRIALING",
      cancelAt: new Date(NOW.getTime() + 14 * 86_400_000),
    });
    expect(await step(() => state.failPayment(subscriptionId), "invoice.payment_failed")).toMatchObject({ subscriptionStatus: "PAST_DUE" });
    expect(await step(() => state.payInvoice(subscriptionId), "invoice.paid")).toMatchObject({ subscriptionStatus: "ACTIVE" });
    const ended = await step(() => state.cancelSubscription(subscriptionId), "customer.subscription.deleted");
    expect(ended).toMatchObject({ subscriptionStatus: "CANCELED", subscriptionEndedAt: NOW });
    // Each change of status is in the salon's audit trail once, with the event that brought it.
    expect(await statusTrail(salon.id)).toEqual([
      "NONE→TRIALING by checkout.session.completed",
      "TRIALING→PAST_DUE by invoice.payment_failed",
      "PAST_DUE→ACTIVE by invoice.paid",
      "ACTIVE→CANCELED by customer.subscription.deleted",
    ]);
    expect(await db.auditLog.findFirst({ where: { salonId: salon.id, action: "subscription.status_changed" } })).toMatchObject({
      targetType: "Subscription",
      targetId: subscriptionId,
      actorUserId: null,
    });
    sandbox.standIn.delivery.hold();
  });

  it("acknowledges an unknown event type, records it, changes no salon", async () => {
    const customer = await getStripe().customers.create({ name: "Nobody" });
    const event = sandbox.standIn.state.events.find((e) => e.type === "customer.created" && (e.data as StripeJson).object && ((e.data as { object: StripeJson }).object.id === customer.id))!;
    const res = await send(event);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, duplicate: false });
    expect(await db.webhookEvent.findFirst({ where: { eventId: String(event.id) } })).toMatchObject({ salonId: null, type: "customer.created" });
    await sandbox.standIn.delivery.release();
    sandbox.standIn.delivery.hold();
  });
});

describe("delivered more than once, late, out of order", () => {
  it("the same event delivered 5 times concurrently is recorded and applied once", async () => {
    const { salon } = await subscribedSalon();
    const event = lastEvent("customer.subscription.created");
    const before = await salonRow(salon.id);
    const responses = await Promise.all(Array.from({ length: 5 }, () => send(event)));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Array<{ duplicate: boolean }>;
    const after = await salonRow(salon.id);
    // Figures for the report: 5 sent → 1 row, 1 handled, 4 duplicates, NONE → TRIALING once.
    console.info(`[figures] concurrent deliveries: sent=5 rows=${await eventRows(String(event.id))} handled=${bodies.filter((b) => !b.duplicate).length} duplicates=${bodies.filter((b) => b.duplicate).length} status ${before.subscriptionStatus}→${after.subscriptionStatus}`);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1);
    expect(await eventRows(String(event.id))).toBe(1);
    expect(after.subscriptionStatus).toBe("TRIALING");
    expect(after.subscriptionSyncedAt).not.toBeNull();
    expect(await statusTrail(salon.id)).toEqual(["NONE→TRIALING by customer.subscription.created"]);
    // The number is brought in line on every delivery, duplicates too (that heals a failed first call).
    expect(syncNumber.mock.calls.filter((call: unknown[]) => call[0] === salon.id)).toHaveLength(5);
    await sandbox.standIn.delivery.release();
    sandbox.standIn.delivery.hold();
  });

  it("subscription.updated before subscription.created: the newer state stands", async () => {
    const { salon, subscriptionId } = await subscribedSalon(); // checkout + created, held
    sandbox.standIn.state.updateSubscription(subscriptionId, { cancel_at_period_end: "true" }); // updated, held
    const released = await sandbox.standIn.delivery.release("reverse");
    const types = released.map((id) => sandbox.standIn.state.event(id).type).filter((t) => t !== "customer.created");
    expect(types).toEqual([
      "customer.subscription.updated",
      "customer.subscription.created",
      "checkout.session.completed",
    ]);
    expect(await salonRow(salon.id)).toMatchObject({ subscriptionStatus: "TRIALING", cancelAt: expect.any(Date) });
    sandbox.standIn.delivery.hold();
  });

  it("a late redelivery, or an older event first seen after newer ones, does not roll the salon back", async () => {
    const { salon, subscriptionId } = await subscribedSalon();
    const created = lastEvent("customer.subscription.created");
    const checkout = lastEvent("checkout.session.completed");
    await send(checkout);
    sandbox.standIn.state.failPayment(subscriptionId);
    await send(lastEvent("customer.subscription.updated"));
    expect((await salonRow(salon.id)).subscriptionStatus).toBe("PAST_DUE");
    // created (status trialing in its payload) arrives last, for the first time, then again via the control endpoint.
    expect((await send(created)).status).toBe(200);
    await sandbox.standIn.delivery.redeliver(created, { times: 2 });
    expect((await salonRow(salon.id)).subscriptionStatus).toBe("PAST_DUE");
    expect(await statusTrail(salon.id)).toEqual([
      "NONE→TRIALING by checkout.session.completed",
      "TRIALING→PAST_DUE by customer.subscription.updated",
    ]);
    await sandbox.standIn.delivery.release();
    sandbox.standIn.delivery.hold();
  });
});

describe("syncs that overlap (no transaction is open while Stripe answers)", () => {
  it("a delivery that fails lets go of the event; a claim left by a crashed process is taken over after its lease", async () => {
    const { salon } = await subscribedSalon(); // its events held
    const subscriptions = getStripe().subscriptions;
    const spy = vi.spyOn(subscriptions, "retrieve").mockRejectedValueOnce(new Error("Stripe unreachable"));
    const checkout = lastEvent("checkout.session.completed");
    try {
      expect((await send(checkout)).status).toBe(500);
    } finally {
      spy.mockRestore();
    }
    expect(await eventRows(String(checkout.id))).toBe(0);
    expect((await send(checkout)).status).toBe(200); // Stripe's retry finds it new
    expect((await salonRow(salon.id)).subscriptionStatus).toBe("TRIALING");

    // A process that died mid-handling left its claim (never processed) two minutes before this delivery.
    const created = lastEvent("customer.subscription.created");
    await db.webhookEvent.create({
      data: { provider: "STRIPE", eventId: String(created.id), type: "customer.subscription.created", updatedAt: new Date(NOW.getTime() - 120_000) },
    });
    expect(await handleStripeEvent(created as unknown as Stripe.Event, NOW)).toMatchObject({ duplicate: false, handled: true, salonId: salon.id });
    expect(await db.webhookEvent.findFirst({ where: { eventId: String(created.id) } })).toMatchObject({ salonId: salon.id, processedAt: NOW });
    await sandbox.standIn.delivery.release();
    sandbox.standIn.delivery.hold();
  });

  it("a read overtaken by a later sync is not stored: the later, newer read stands", async () => {
    const { salon, subscriptionId } = await subscribedSalon(); // its events held
    const subscriptions = getStripe().subscriptions;
    const retrieve = subscriptions.retrieve.bind(subscriptions);
    // Checkout's sync reads the subscription (trialing); before it stores that, the payment fails and
    // that event's sync runs to the end. Checkout's sync then holds the older read.
    const spy = vi.spyOn(subscriptions, "retrieve").mockImplementationOnce((async (id: string) => {
      const older = await retrieve(id);
      sandbox.standIn.state.failPayment(subscriptionId);
      expect((await send(lastEvent("invoice.payment_failed"))).status).toBe(200);
      return older;
    }) as typeof subscriptions.retrieve);
    try {
      expect((await send(lastEvent("checkout.session.completed"))).status).toBe(200);
    } finally {
      spy.mockRestore();
    }
    expect((await salonRow(salon.id)).subscriptionStatus).toBe("PAST_DUE");
    expect(await statusTrail(salon.id)).toEqual(["NONE→PAST_DUE by invoice.payment_failed"]);
    // Both events are recorded as handled: the overtaken one needs no redelivery.
    expect(await db.webhookEvent.count({ where: { salonId: salon.id, processedAt: { not: null } } })).toBe(2);
    await sandbox.standIn.delivery.release();
    sandbox.standIn.delivery.hold();
  });
});

// The stand-in's objects, as the SDK receives them, have the keys of Stripe's published fixtures
// (shared/reference/stripe_fixtures3.json) and the same JSON type wherever both are non-null. Here
// rather than in a file of its own: one more vitest file costs ~2 s of imports per pass.
describe("the Stripe stand-in's object shapes", () => {
  const fixtures = (JSON.parse(readFileSync(findReferenceSpec("stripe_fixtures3.json"), "utf8")) as { resources: Record<string, StripeJson> }).resources;
  const kind = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

  function shapeProblems(ours: StripeJson, theirs: StripeJson, where: string): string[] {
    const problems: string[] = [];
    for (const key of Object.keys(theirs)) if (!(key in ours)) problems.push(`${where}.${key} missing`);
    for (const key of Object.keys(ours)) {
      if (!(key in theirs)) problems.push(`${where}.${key} is not a Stripe field`);
      else if (kind(ours[key]) !== "null" && kind(theirs[key]) !== "null" && kind(ours[key]) !== kind(theirs[key]))
        problems.push(`${where}.${key}: ${kind(ours[key])}, Stripe's is ${kind(theirs[key])}`);
    }
    return problems;
  }

  it("customer, product, price, checkout.session, billing_portal.session, subscription (and its item), invoice, event", async () => {
    const { subscriptionId, customerId } = await subscribedSalon();
    const stripe = getStripe();
    const subscription = (await stripe.subscriptions.retrieve(subscriptionId)) as unknown as StripeJson;
    // As served: the SDK turns unit_amount_decimal into its own Decimal object.
    const price = sandbox.standIn.state.price(sandbox.priceId);
    sandbox.standIn.state.failPayment(subscriptionId);
    const objects: Array<[string, StripeJson]> = [
      ["customer", (await stripe.customers.retrieve(customerId)) as unknown as StripeJson],
      ["product", (await stripe.products.retrieve(String(price.product))) as unknown as StripeJson],
      ["price", price],
      ["checkout.session", (lastEvent("checkout.session.completed").data as { object: StripeJson }).object],
      ["billing_portal.session", (await stripe.billingPortal.sessions.create({ customer: customerId })) as unknown as StripeJson],
      ["subscription", subscription],
      ["subscription_item", (subscription.items as { data: StripeJson[] }).data[0]!],
      ["invoice", (lastEvent("invoice.payment_failed").data as { object: StripeJson }).object],
      ["event", (await stripe.events.retrieve(String(lastEvent("invoice.payment_failed").id))) as unknown as StripeJson],
    ];
    const problems = objects.flatMap(([name, ours]) => shapeProblems(ours, fixtures[name]!, name));
    expect(problems).toEqual([]);
    await sandbox.standIn.delivery.release();
    sandbox.standIn.delivery.hold();
  });
});
