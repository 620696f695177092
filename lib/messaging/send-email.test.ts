// E-mail notifications: same row, same queue; with no SMTP configured they land in the local sink.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCustomer, createSalon } from "@/lib/testing/factories";
import { sendEmail } from "@/lib/messaging/send-email";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { processDeliverJob } from "@/lib/messaging/delivery/deliver-notification";
import { requeueStrandedNotifications } from "@/lib/messaging/delivery/requeue-stranded";
import { DELIVER_NOTIFICATION, deliveryJobId } from "@/lib/jobs/queues";

afterAll(() => stopBoss());

describe("sendEmail", () => {
  it("keeps the message in the local sink when no SMTP server is configured", async () => {
    const salon = await createSalon();
    const customer = await createCustomer(salon.id, { email: "ana@example.test" });
    const n = await sendEmail({
      salonId: salon.id,
      kind: "CONFIRMATION",
      subject: "You're booked",
      body: "See you Friday.",
      to: { customerId: customer.id },
    });
    expect(n).toMatchObject({ channel: "EMAIL", status: "QUEUED", destination: "ana@example.test" });
    expect(await processDeliverJob({ notificationId: n.id, salonId: salon.id })).toMatchObject({
      result: "sent",
    });
    const row = await db.notification.findUniqueOrThrow({ where: { id: n.id }, include: { events: true } });
    expect(row).toMatchObject({ status: "SENT", subject: "You're booked", body: "See you Friday." });
    expect(row.events.map((e) => e.detail)).toContainEqual(expect.stringMatching(/local mail sink/));
  });

  it("refuses a recipient without an address, and replays an idempotency key", async () => {
    const salon = await createSalon();
    const customer = await createCustomer(salon.id);
    await expect(
      sendEmail({
        salonId: salon.id,
        kind: "CUSTOM",
        subject: "Hi",
        body: "Hi",
        to: { customerId: customer.id },
      }),
    ).rejects.toMatchObject({
      status: 422,
      code: "no_email",
    });
    const input = {
      salonId: salon.id,
      kind: "CUSTOM" as const,
      subject: "Hi",
      body: "Hi",
      to: { email: "x@example.test" },
      idempotencyKey: "k",
    };
    expect((await sendEmail(input)).id).toBe((await sendEmail(input)).id);
  });
});

describe("requeueStrandedNotifications", () => {
  const QUEUED_AT = new Date("2026-03-04T15:00:00Z");
  it("re-queues a due text with no job, once per unchanged row", async () => {
    const salon = await createSalon();
    const n = await db.notification.create({
      data: {
        salonId: salon.id,
        kind: "CUSTOM",
        recipientKind: "OTHER",
        destination: "+14155550199",
        body: "Hi",
        // Fixed times, not the wall clock: the sweep's cutoff is measured from `now`.
        createdAt: QUEUED_AT,
        updatedAt: QUEUED_AT,
      },
    });
    const later = new Date(QUEUED_AT.getTime() + 10 * 60_000);
    expect(await requeueStrandedNotifications({ now: later })).toBeGreaterThanOrEqual(1);
    await requeueStrandedNotifications({ now: later });
    const jobs = await (await getBoss()).findJobs(DELIVER_NOTIFICATION, { key: n.id });
    expect(jobs.map((j) => j.id)).toEqual([deliveryJobId(n.id, n.updatedAt)]);
  });
});
