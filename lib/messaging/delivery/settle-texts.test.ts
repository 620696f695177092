// Settling a text in doubt with Twilio (the in-process stand-in, real SDK): found there → its SID and
// status; Twilio has none → sent once; Twilio unreachable → asked again later, never FAILED; past the
// horizon → said plainly. Status callbacks are never signed here, so none arrive (lost callbacks).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getTwilioClient } from "@/lib/telephony/twilio";
import { uniquePhone } from "@/lib/testing/factories";
import { createTextingSalon, setUpTextingServers } from "@/lib/testing/delivery-test-kit";
import { loadForDelivery } from "@/lib/messaging/delivery/delivery-store";
import { processDeliverJob } from "@/lib/messaging/delivery/deliver-notification";
import { settleText, UNCONFIRMED_REASON } from "@/lib/messaging/delivery/settle-texts";
import type { CheckSchedule } from "@/lib/messaging/delivery/check-schedule";

const servers = setUpTextingServers({ callbackDelayMs: 1, signCallbacksWith: () => undefined });
const NOW = new Date("2026-12-06T22:00:00Z");
const SCHEDULE: CheckSchedule = {
  sendingAfterMs: 1_000,
  statusAfterMs: 1_000,
  initialDelayMs: 100,
  factor: 2,
  maxDelayMs: 1_000,
  giveUpMs: 10_000,
};

/** A text claimed by a worker that died (SENDING), with or without the SID Twilio gave it. */
async function textInDoubt(body: string, providerMessageId?: string) {
  const salon = await createTextingSalon(servers.standIn);
  const n = await db.notification.create({
    data: {
      salonId: salon.id,
      kind: "CUSTOM",
      recipientKind: "OTHER",
      destination: uniquePhone(),
      body,
      status: "SENDING",
      attempts: 1,
      providerMessageId,
    },
  });
  return { salon, n };
}
const rowOf = async (id: string) => (await loadForDelivery([id]))[0]!;

describe("settling a text whose fate is unknown", () => {
  it("found at Twilio: records its SID and the status Twilio has", async () => {
    const { salon, n } = await textInDoubt("See you at 3");
    const sent = await getTwilioClient().messages.create({ to: n.destination, from: salon.twilioNumber!, body: n.body });
    await servers.standIn.state.settled();
    expect(await settleText(await rowOf(n.id), NOW, SCHEDULE)).toBe("found");
    expect(await db.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({
      status: "DELIVERED",
      providerMessageId: sent.sid,
    });
    expect(servers.standIn.state.messages).toHaveLength(1);
  });

  it("not at Twilio (it answered): back to the queue and sent exactly once", async () => {
    const { n } = await textInDoubt("Your table is ready");
    expect(await settleText(await rowOf(n.id), NOW, SCHEDULE)).toBe("resent");
    expect((await db.notification.findUniqueOrThrow({ where: { id: n.id } })).status).toBe("QUEUED");
    expect(await processDeliverJob({ notificationId: n.id, salonId: n.salonId })).toMatchObject({ result: "sent" });
    expect(await processDeliverJob({ notificationId: n.id, salonId: n.salonId })).toMatchObject({ result: "skipped" });
    expect(servers.standIn.state.messages.map((m) => m.to)).toEqual([n.destination]);
  });

  it("Twilio unreachable: stays SENDING and is asked again after the back-off, never FAILED", async () => {
    const { n } = await textInDoubt("Running late?");
    await servers.standIn.goOffline();
    try {
      expect(await settleText(await rowOf(n.id), NOW, SCHEDULE)).toBe("unanswered");
      expect(await settleText(await rowOf(n.id), NOW, SCHEDULE)).toBe("unanswered");
    } finally {
      await servers.standIn.comeBackOnline();
    }
    const row = await db.notification.findUniqueOrThrow({ where: { id: n.id } });
    // Second unanswered check: the wait doubles (100 ms, then 200 ms).
    expect(row).toMatchObject({ status: "SENDING", statusChecks: 2, failureReason: null });
    expect(row.statusCheckAt?.getTime()).toBe(NOW.getTime() + 200);
    expect(await settleText(await rowOf(n.id), NOW, SCHEDULE)).toBe("resent");
  });

  it("past the horizon without an answer: says it could not confirm, and stays SENDING", async () => {
    const { n } = await textInDoubt("Bring the voucher");
    await db.notification.update({ where: { id: n.id }, data: { statusChecks: 20 } });
    await servers.standIn.goOffline();
    try {
      expect(await settleText(await rowOf(n.id), NOW, SCHEDULE)).toBe("gave-up");
    } finally {
      await servers.standIn.comeBackOnline();
    }
    expect(await db.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({
      status: "SENDING",
      statusCheckAt: null,
      failureReason: UNCONFIRMED_REASON,
    });
  });

  it("with a SID whose status report never came: records the status Twilio has", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const to = uniquePhone();
    const sent = await getTwilioClient().messages.create({ to, from: salon.twilioNumber!, body: "Hi" });
    await servers.standIn.state.settled();
    const n = await db.notification.create({
      data: { salonId: salon.id, kind: "CUSTOM", recipientKind: "OTHER", destination: to, body: "Hi", status: "SENT", providerMessageId: sent.sid },
    });
    expect(await settleText(await rowOf(n.id), NOW, SCHEDULE)).toBe("updated");
    expect((await db.notification.findUniqueOrThrow({ where: { id: n.id } })).status).toBe("DELIVERED");
  });
});
