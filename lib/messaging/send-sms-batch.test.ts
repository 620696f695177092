// sendSmsBatch, the one enqueue path for many texts (sendSms is its batch of one): each text gets the
// rules a single send applies, with the real Twilio SDK against the stand-in for the ones delivered.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAppointment, createCustomer } from "@/lib/testing/factories";
import { OPTED_OUT_REASON, sendSms, sendSmsBatch, type SendSmsInput } from "@/lib/messaging/send-sms";
import { scheduleReminders, scheduleRemindersFor } from "@/lib/messaging/reminders";
import { getBoss } from "@/lib/jobs/boss";
import { DELIVER_NOTIFICATION } from "@/lib/jobs/queues";
import { processDeliverJob, processDeliveries } from "@/lib/messaging/delivery/deliver-notification";
import { createTextingSalon, eventsOf, setUpTextingServers } from "@/lib/testing/delivery-test-kit";

const servers = setUpTextingServers({ callbackDelayMs: 5 });

const deliver = (n: { id: string; salonId: string }) =>
  processDeliverJob({ notificationId: n.id, salonId: n.salonId }, { retryCount: 0, retryLimit: 5 });
const reload = (id: string) => db.notification.findUniqueOrThrow({ where: { id } });

describe("a batch (sendSmsBatch) applies each text's rules as single sends do", () => {
  const AT = new Date("2030-03-02T12:00:00Z");
  const jobsOf = async (ids: string[]) =>
    (await Promise.all(ids.map(async (id) => (await getBoss()).findJobs(DELIVER_NOTIFICATION, { key: id })))).flat();

  it("cancels the opted-out customer's text mid-batch and queues the others, each worded for its recipient", async () => {
    const salon = await createTextingSalon(servers.standIn, { name: "Shear Joy" });
    const fresh = await createCustomer(salon.id);
    const optedOut = await createCustomer(salon.id, { smsConsent: "OPTED_OUT", optedOutAt: AT });
    const texted = await createCustomer(salon.id, { firstTextedAt: AT });
    const text = (customerId: string): SendSmsInput => ({ salonId: salon.id, kind: "CUSTOM", body: "Hi", to: { customerId } });
    const batch = await sendSmsBatch([text(fresh.id), text(optedOut.id), text(texted.id)]);

    expect(batch.map((n) => [n.customerId, n.status, n.body])).toEqual([
      [fresh.id, "QUEUED", "Shear Joy: Hi\nReply STOP to opt out."],
      [optedOut.id, "CANCELED", "Shear Joy: Hi"],
      [texted.id, "QUEUED", "Shear Joy: Hi"],
    ]);
    expect(batch[1]?.failureReason).toBe(OPTED_OUT_REASON);
    expect((await eventsOf(batch[1]!.id)).map((e) => e.detail)).toEqual([OPTED_OUT_REASON]);
    expect((await jobsOf(batch.map((n) => n.id))).map((j) => j.singletonKey).sort()).toEqual(
      [batch[0]!.id, batch[2]!.id].sort(),
    );
  });

  it("one notification per idempotency key, within a batch and across batches", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const other = await createTextingSalon(servers.standIn);
    const text = (salonId: string, idempotencyKey: string, body = "Hi"): SendSmsInput => ({
      salonId,
      kind: "CUSTOM",
      body,
      to: { phone: "+14155550109" },
      idempotencyKey,
    });
    const first = await sendSmsBatch([text(salon.id, "k1"), text(salon.id, "k1", "Again"), text(salon.id, "k2"), text(other.id, "k1")]);
    expect(first[1]!.id).toBe(first[0]!.id);
    expect(new Set(first.map((n) => n.id)).size).toBe(3);
    const second = await sendSmsBatch([text(salon.id, "k2"), text(salon.id, "k3"), text(salon.id, "k1")]);
    expect([second[0]!.id, second[2]!.id]).toEqual([first[2]!.id, first[0]!.id]);
    expect(await sendSms(text(salon.id, "k3"))).toMatchObject({ id: second[1]!.id });
    expect(await db.notification.count({ where: { salonId: salon.id } })).toBe(3);
    // One job each, however often a key was asked for.
    expect(await jobsOf([first[0]!.id, first[2]!.id, second[1]!.id])).toHaveLength(3);
    expect(await deliver(first[0]!)).toMatchObject({ result: "sent" });
    expect(await deliver(first[0]!)).toMatchObject({ result: "skipped" });
  });

  it("texts past the monthly quota fail at delivery, as single sends do, also delivered as one batch", async () => {
    const salon = await createTextingSalon(servers.standIn, { monthlySmsQuota: 2 });
    const batch = await sendSmsBatch(
      ["One", "Two", "Three"].map((body) => ({ salonId: salon.id, kind: "CUSTOM" as const, body, to: { phone: "+14155550110" } })),
    );
    expect(batch.map((n) => n.status)).toEqual(["QUEUED", "QUEUED", "QUEUED"]);
    const outcomes = await processDeliveries(
      batch.map((n) => ({ payload: { notificationId: n.id, salonId: n.salonId }, attempt: { retryCount: 0, retryLimit: 5 } })),
    );
    expect(outcomes.map((o) => o.result)).toEqual(["sent", "sent", "failed"]);
    expect(await reload(batch[2]!.id)).toMatchObject({ failureReason: "Monthly text limit of 2 reached — raise it in Settings." });
  });

  it("scheduling many appointments' reminders queues what scheduling each one would", async () => {
    const salon = await createTextingSalon(servers.standIn, { reminderOffsetsMinutes: [1440, 120] });
    const other = await createTextingSalon(servers.standIn, { reminderOffsetsMinutes: [60] });
    const now = AT;
    const startsAt = new Date(now.getTime() + 3 * 86_400_000);
    const a = await createAppointment(salon.id, { startsAt });
    const b = await createAppointment(other.id, { startsAt });
    const cancelled = await createAppointment(salon.id, { startsAt, status: "CANCELLED" });
    const many = await scheduleRemindersFor(
      [a, cancelled, b].map((x) => ({ salonId: x.salonId, appointmentId: x.id })),
      { now },
    );
    const shape = (n: { appointmentId: string | null; scheduledFor: Date | null; idempotencyKey: string | null; body: string; status: string }) =>
      [n.appointmentId, n.scheduledFor?.toISOString(), n.idempotencyKey, n.body, n.status];
    expect(many.map((n) => n.appointmentId)).toEqual([a.id, a.id, b.id]);
    // The same state scheduled one by one is an idempotent replay of the same texts.
    const one = [...(await scheduleReminders(salon.id, a.id, { now })), ...(await scheduleReminders(other.id, b.id, { now }))];
    expect(one.map(shape)).toEqual(many.map(shape));
    expect(one.map((n) => n.id)).toEqual(many.map((n) => n.id));
  });
});
