// The delivery job run directly: retries (429/5xx, a lost answer), permanent failures with their
// reasons, and idempotency — real Twilio SDK, stand-in, real status route.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCustomer } from "@/lib/testing/factories";
import { describeTwilioError } from "@/lib/telephony/error-codes";
import { sendSms } from "@/lib/messaging/send-sms";
import { processDeliverJob } from "@/lib/messaging/delivery/deliver-notification";
import { createTextingSalon, setUpTextingServers } from "@/lib/testing/delivery-test-kit";

const servers = setUpTextingServers({ callbackDelayMs: 5 });

const deliver = (n: { id: string; salonId: string }, retryCount = 0) =>
  processDeliverJob({ notificationId: n.id, salonId: n.salonId }, { retryCount, retryLimit: 5 });
const reload = (id: string) => db.notification.findUniqueOrThrow({ where: { id } });

describe("retries and failures", () => {
  it.each([429, 500])("answers %i twice, then succeeds: exactly one message", async (httpStatus) => {
    const salon = await createTextingSalon(servers.standIn);
    const n = await sendSms({ salonId: salon.id, kind: "CUSTOM", body: "Hi", to: { phone: "+14155550104" } });
    servers.standIn.state.failNextRequests(2, httpStatus);
    expect(await deliver(n, 0)).toMatchObject({ result: "retry" });
    expect((await reload(n.id)).status).toBe("QUEUED");
    expect(await deliver(n, 1)).toMatchObject({ result: "retry" });
    expect(await deliver(n, 2)).toMatchObject({ result: "sent" });
    expect(await deliver(n, 3)).toMatchObject({ result: "skipped" });
    expect(servers.standIn.state.messages).toHaveLength(1);
    expect((await reload(n.id)).attempts).toBe(3);
  });

  it("does not send twice when Twilio took the text but the answer was lost", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const n = await sendSms({ salonId: salon.id, kind: "CUSTOM", body: "Hi", to: { phone: "+14155550105" } });
    servers.standIn.state.failNextRequests(1, 500, { afterAccept: true });
    expect(await deliver(n, 0)).toMatchObject({ result: "retry" });
    expect(await deliver(n, 1)).toMatchObject({
      result: "sent",
      providerMessageId: servers.standIn.state.messages[0]?.sid,
    });
    expect(servers.standIn.state.messages).toHaveLength(1);
  });

  it("fails with the reason after the last try", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const n = await sendSms({ salonId: salon.id, kind: "CUSTOM", body: "Hi", to: { phone: "+14155550106" } });
    servers.standIn.state.failNextRequests(1, 503);
    expect(await deliver(n, 5)).toMatchObject({ result: "failed" });
    const row = await reload(n.id);
    expect(row.status).toBe("FAILED");
    expect(row.failureReason).toMatch(/temporary problem.*Gave up after 6 tries/);
  });

  it.each([
    [21211, "FAILED"],
    [21610, "FAILED"],
    [30006, "UNDELIVERED"],
  ] as const)("permanent failure %i → %s with the plain reason", async (code, status) => {
    const salon = await createTextingSalon(servers.standIn);
    const customer = await createCustomer(salon.id, { firstTextedAt: new Date() });
    servers.standIn.state.failDestination(customer.phone, code);
    const n = await sendSms({
      salonId: salon.id,
      kind: "CUSTOM",
      body: "Hi",
      to: { customerId: customer.id },
    });
    await deliver(n);
    await servers.standIn.state.settled();
    const row = await reload(n.id);
    expect(row).toMatchObject({ status, errorCode: String(code), failureReason: describeTwilioError(code) });
    if (code === 21610)
      expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).smsConsent).toBe(
        "OPTED_OUT",
      );
  });
});

describe("idempotency", () => {
  it("the same key gives one notification and one message", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const input = {
      salonId: salon.id,
      kind: "CUSTOM" as const,
      body: "Hi",
      to: { phone: "+14155550107" },
      idempotencyKey: "key-1",
    };
    const [a, b] = await Promise.all([sendSms(input), sendSms(input)]);
    const c = await sendSms(input);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    await deliver(a);
    await deliver(a);
    expect(servers.standIn.state.messages).toHaveLength(1);
    expect(await db.notification.count({ where: { salonId: salon.id } })).toBe(1);
  });

  it("a job for salon B cannot deliver salon A's notification", async () => {
    const a = await createTextingSalon(servers.standIn);
    const b = await createTextingSalon(servers.standIn);
    const n = await sendSms({ salonId: a.id, kind: "CUSTOM", body: "Hi", to: { phone: "+14155550108" } });
    expect(await processDeliverJob({ notificationId: n.id, salonId: b.id })).toMatchObject({
      result: "skipped",
    });
    expect(servers.standIn.state.messages).toHaveLength(0);
  });
});
