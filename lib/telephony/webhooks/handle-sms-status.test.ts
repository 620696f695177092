// Delivery reports through the real route handler: forward-only status, one event per report,
// fail-closed signature checks, and a salon's texts moved only by callbacks for its own number.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCustomer } from "@/lib/testing/factories";
import { newSid } from "@/lib/dev/twilio-sandbox/fixtures";
import { MAIN_ACCOUNT, OTHER_ACCOUNT, startStandInForTests } from "@/lib/testing/twilio-sandbox";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { createTextingSalon, eventsOf, postStatusCallback, STATUS_PATH } from "@/lib/testing/delivery-test-kit";

let standIn: TwilioStandIn;

beforeAll(async () => {
  standIn = await startStandInForTests();
});
afterAll(async () => {
  await standIn.close();
});

/** A text already handed to Twilio (SENDING with a SID), as the delivery job leaves it. */
async function handedOver(overrides: { salonId?: string } = {}) {
  const salon = overrides.salonId
    ? await db.salon.findUniqueOrThrow({ where: { id: overrides.salonId } })
    : await createTextingSalon(standIn);
  const customer = await createCustomer(salon.id);
  const sid = newSid("SM");
  const notification = await db.notification.create({
    data: {
      salonId: salon.id,
      kind: "CUSTOM",
      recipientKind: "CUSTOMER",
      customerId: customer.id,
      destination: customer.phone,
      body: "Hello",
      status: "SENDING",
      providerMessageId: sid,
      sentAt: new Date(),
    },
  });
  const params = (status: string, extra: Record<string, string> = {}) => ({
    AccountSid: MAIN_ACCOUNT.sid,
    MessageSid: sid,
    SmsSid: sid,
    MessageStatus: status,
    SmsStatus: status,
    From: salon.twilioNumber as string,
    To: customer.phone,
    ApiVersion: "2010-04-01",
    ...extra,
  });
  return { salon, notification, sid, params };
}

const statusOf = async (id: string) => (await db.notification.findUniqueOrThrow({ where: { id } })).status;

describe("POST /api/webhooks/twilio/sms/status", () => {
  it("moves queued → sent → delivered in order, one event each", async () => {
    const { notification, params } = await handedOver();
    for (const s of ["queued", "sending", "sent", "delivered"]) {
      expect((await postStatusCallback(params(s))).status).toBe(204);
    }
    const row = await db.notification.findUniqueOrThrow({ where: { id: notification.id } });
    expect(row.status).toBe("DELIVERED");
    expect(row.deliveredAt).not.toBeNull();
    // "queued" and "sending" are both SENDING for us: one event for the pair.
    expect((await eventsOf(notification.id)).map((e) => e.status)).toEqual(["SENDING", "SENT", "DELIVERED"]);
  });

  it("ignores a late 'sent' after 'delivered' and keeps the history", async () => {
    const { notification, params } = await handedOver();
    await postStatusCallback(params("delivered"));
    await postStatusCallback(params("sent"));
    expect(await statusOf(notification.id)).toBe("DELIVERED");
    expect((await eventsOf(notification.id)).map((e) => e.status)).toEqual(["DELIVERED", "SENT"]);
  });

  it("never moves a failed text back to sent", async () => {
    const { notification, params } = await handedOver();
    await postStatusCallback(params("failed", { ErrorCode: "30003" }));
    await postStatusCallback(params("sent"));
    const row = await db.notification.findUniqueOrThrow({ where: { id: notification.id } });
    expect(row.status).toBe("FAILED");
    expect(row.errorCode).toBe("30003");
    expect(row.failureReason).toMatch(/\S/);
  });

  it("changes nothing on repeated callbacks, including concurrent ones", async () => {
    const { notification, params } = await handedOver();
    await postStatusCallback(params("sent"));
    await Promise.all([1, 2, 3, 4].map(() => postStatusCallback(params("delivered"))));
    await postStatusCallback(params("delivered"));
    expect(await statusOf(notification.id)).toBe("DELIVERED");
    expect((await eventsOf(notification.id)).map((e) => e.status)).toEqual(["SENT", "DELIVERED"]);
  });

  it("stores the error code and a plain reason for undelivered texts", async () => {
    const { notification, params } = await handedOver();
    await postStatusCallback(params("undelivered", { ErrorCode: "30006" }));
    const row = await db.notification.findUniqueOrThrow({ where: { id: notification.id } });
    expect(row.status).toBe("UNDELIVERED");
    expect(row.errorCode).toBe("30006");
    expect(row.failureReason?.toLowerCase()).toMatch(/landline|unreachable/);
    const [event] = await eventsOf(notification.id);
    expect(event?.errorCode).toBe("30006");
  });

  const consentOf = (id: string) => db.customer.findUniqueOrThrow({ where: { id }, select: { smsConsent: true, optedOutAt: true } });

  it.each(["failed", "undelivered"])(
    "records the carrier's opt-out (21610) on a %s report as a failed send does, at that salon only",
    async (status) => {
      const { notification, params } = await handedOver();
      // The same person is a customer of another salon too: that salon's consent is its own.
      const elsewhere = await createCustomer((await createTextingSalon(standIn)).id, { phone: notification.destination });
      expect((await postStatusCallback(params(status, { ErrorCode: "21610" }))).status).toBe(204);
      expect(await statusOf(notification.id)).toBe(status.toUpperCase());
      const customer = await consentOf(notification.customerId!);
      expect(customer.smsConsent).toBe("OPTED_OUT");
      expect(customer.optedOutAt).not.toBeNull();
      expect(await consentOf(elsewhere.id)).toMatchObject({ smsConsent: "OPTED_IN", optedOutAt: null });
    },
  );

  it("leaves consent alone for other failures, and for a replayed 21610 after the customer texted START", async () => {
    const other = await handedOver();
    await postStatusCallback(other.params("undelivered", { ErrorCode: "30003" }));
    expect((await consentOf(other.notification.customerId!)).smsConsent).toBe("OPTED_IN");

    const { notification, params } = await handedOver();
    await postStatusCallback(params("failed", { ErrorCode: "21610" }));
    // They opted back in since (START); Twilio delivering the same old report again changes nothing.
    await db.customer.update({ where: { id: notification.customerId! }, data: { smsConsent: "OPTED_IN", optedOutAt: null } });
    await postStatusCallback(params("failed", { ErrorCode: "21610" }));
    expect((await consentOf(notification.customerId!)).smsConsent).toBe("OPTED_IN");
    // A second failure report for the same text (a new status and code pair, so a new history event) neither.
    await postStatusCallback(params("undelivered", { ErrorCode: "21610" }));
    expect((await consentOf(notification.customerId!)).smsConsent).toBe("OPTED_IN");
  });

  it("answers 204 and writes nothing for an unknown message", async () => {
    const { params } = await handedOver();
    const res = await postStatusCallback({
      ...params("delivered"),
      MessageSid: newSid("SM"),
      SmsSid: newSid("SM"),
    });
    expect(res.status).toBe(204);
  });

  describe("signature (fail closed: 403 and nothing written)", () => {
    async function expectRejected(res: Response, notificationId: string) {
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: "invalid_signature" });
      expect(await statusOf(notificationId)).toBe("SENDING");
      expect(await eventsOf(notificationId)).toHaveLength(0);
    }

    it("rejects a missing signature", async () => {
      const { notification, params } = await handedOver();
      await expectRejected(await postStatusCallback(params("delivered"), { token: null }), notification.id);
    });

    it("rejects a wrong signature", async () => {
      const { notification, params } = await handedOver();
      await expectRejected(
        await postStatusCallback(params("delivered"), { token: "not-the-token-0123456789" }),
        notification.id,
      );
    });

    it("rejects a signature made for another URL (path or query)", async () => {
      const { notification, params } = await handedOver();
      const other = `${STATUS_PATH}?replay=1`;
      await expectRejected(
        await postStatusCallback(params("delivered"), {
          path: other,
          signedUrl: `http://localhost:3000${STATUS_PATH}`,
        }),
        notification.id,
      );
      await expectRejected(
        await postStatusCallback(params("delivered"), {
          signedUrl: "https://attacker.example/api/webhooks/twilio/sms/status",
        }),
        notification.id,
      );
    });

    it("rejects another account's correctly signed callback for this salon's number", async () => {
      const { notification, params } = await handedOver();
      const res = await postStatusCallback(params("delivered", { AccountSid: OTHER_ACCOUNT.sid }), {
        token: OTHER_ACCOUNT.authToken,
      });
      await expectRejected(res, notification.id);
    });
  });

  it("a validly signed callback from salon B's number cannot move salon A's text", async () => {
    const a = await handedOver();
    const b = await handedOver();
    // B's own number and a valid signature, but A's message SID.
    const res = await postStatusCallback({
      ...b.params("failed", { ErrorCode: "30007" }),
      MessageSid: a.sid,
      SmsSid: a.sid,
    });
    expect(res.status).toBe(204);
    expect(await statusOf(a.notification.id)).toBe("SENDING");
    expect(await eventsOf(a.notification.id)).toHaveLength(0);
    expect(await statusOf(b.notification.id)).toBe("SENDING");
  });
});
