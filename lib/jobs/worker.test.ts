// The pipeline through the real queue: sendSms → pg-boss → worker → Twilio SDK → stand-in →
// signed status callbacks → the real status route → DELIVERED.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db";
import type { NotificationStatus } from "@/lib/generated/prisma/client";
import { createCustomer, createSalon } from "@/lib/testing/factories";
import { syncNumberWithSubscription } from "@/lib/phone-numbers/subscription-sync";
import { startStandInForTests } from "@/lib/testing/twilio-sandbox";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { sendSms } from "@/lib/messaging/send-sms";
import { getBoss } from "@/lib/jobs/boss";
import { enqueueDelivery } from "@/lib/jobs/enqueue";
import { DELIVER_NOTIFICATION } from "@/lib/jobs/queues";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { createTextingSalon, eventsOf, startStatusRoute, STATUS_PATH } from "@/lib/testing/delivery-test-kit";

let standIn: TwilioStandIn;
let route: Awaited<ReturnType<typeof startStatusRoute>>;
let worker: RunningWorker;

beforeAll(async () => {
  standIn = await startStandInForTests({ callbackDelayMs: 5 });
  route = await startStatusRoute();
  // Retries without the production backoff, so a test waits milliseconds, not seconds.
  const boss = await getBoss();
  await boss.updateQueue(DELIVER_NOTIFICATION, { retryDelay: 0, retryBackoff: false });
  worker = await startWorker({ pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await worker.stop();
  await standIn.close();
  await route.close();
});
beforeEach(() => standIn.state.reset());

async function waitForStatus(ids: string[], status: NotificationStatus, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const done = await db.notification.count({ where: { id: { in: ids }, status } });
    if (done === ids.length) return;
    await sleep(100);
  }
  const rows = await db.notification.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, failureReason: true },
  });
  throw new Error(`not all ${status}: ${JSON.stringify(rows)}`);
}

describe("the real queue", () => {
  it("takes a text from sendSms to DELIVERED", async () => {
    const salon = await createTextingSalon(standIn, { name: "Queue Cuts" });
    const customer = await createCustomer(salon.id, { firstTextedAt: new Date() });
    const n = await sendSms({
      salonId: salon.id,
      kind: "CUSTOM",
      body: "Ready when you are",
      to: { customerId: customer.id },
    });
    await waitForStatus([n.id], "DELIVERED");
    expect(standIn.state.messages).toHaveLength(1);
    expect(standIn.state.messages[0]).toMatchObject({
      to: customer.phone,
      from: salon.twilioNumber,
      body: "Queue Cuts: Ready when you are",
      statusCallback: `${route.url}${STATUS_PATH}`,
    });
    expect((await eventsOf(n.id)).map((e) => e.status)).toEqual(["QUEUED", "SENDING", "SENT", "DELIVERED"]);
  });

  it("retries 429s through pg-boss and sends exactly once", async () => {
    const salon = await createTextingSalon(standIn);
    standIn.state.failNextRequests(2, 429);
    const n = await sendSms({ salonId: salon.id, kind: "CUSTOM", body: "Hi", to: { phone: "+14155550120" } });
    await waitForStatus([n.id], "DELIVERED");
    expect(standIn.state.messages).toHaveLength(1);
    const retries = (await eventsOf(n.id)).filter(
      (e) => e.status === "QUEUED" && e.detail?.includes("too busy"),
    );
    expect(retries).toHaveLength(2);
  });

  it("delivers a burst across salons with no duplicates, even when jobs are enqueued twice", async () => {
    const salons = await Promise.all([
      createTextingSalon(standIn),
      createTextingSalon(standIn),
      createTextingSalon(standIn),
    ]);
    const sent = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const salon = salons[i % salons.length]!;
        return sendSms({
          salonId: salon.id,
          kind: "REMINDER",
          body: `Reminder ${i}`,
          to: { phone: `+1415555${String(2000 + i)}` },
        });
      }),
    );
    // A stray duplicate job (different id) must not produce a second text.
    await Promise.all(
      sent.map((n) => enqueueDelivery({ notificationId: n.id, salonId: n.salonId, startAfter: new Date(0) })),
    );
    await waitForStatus(
      sent.map((n) => n.id),
      "DELIVERED",
    );
    expect(standIn.state.messages).toHaveLength(60);
    expect(new Set(standIn.state.messages.map((m) => m.body)).size).toBe(60);
  });

  it("buys a salon's number through the provisioning queue when its subscription starts", async () => {
    const salon = await createSalon({ subscriptionStatus: "TRIALING", forwardingPhone: "+13055550123" });
    await syncNumberWithSubscription(salon.id, new Date());
    const deadline = Date.now() + 20_000;
    let number: string | null = null;
    while (!number && Date.now() < deadline) {
      await sleep(100);
      number = (await db.salon.findUniqueOrThrow({ where: { id: salon.id } })).twilioNumber;
    }
    expect(number).toBe("+13055550100");
    expect(standIn.state.numbers.filter((n) => n.phoneNumber === number)).toHaveLength(1);
  });
});
