// The auto-reply's rules against real PostgreSQL: one per customer per 12 hours however many texts
// race for it, none while staff are texting with the customer, and automated texts don't count as staff.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { NotificationKind, NotificationStatus } from "@/lib/generated/prisma/client";
import { stopBoss } from "@/lib/jobs/boss";
import { AUTO_REPLY_WINDOW_MS, autoReplyKey, sendAutoReplyOnce } from "@/lib/messaging/auto-reply";
import { createCustomer, createNotification, createSalon, uniquePhone } from "@/lib/testing/factories";
import { countLockWaiters, waitForLockWaiter } from "@/lib/testing/lock-waiters";

afterAll(async () => {
  await stopBoss();
});

async function setup() {
  // An auto-reply answers a text to the salon's number, so the salon has one (nothing sends without).
  const salon = await createSalon({ twilioNumber: uniquePhone() });
  const customer = await createCustomer(salon.id, { firstTextedAt: new Date() });
  return { salon, customer };
}

const autoReplies = (salonId: string) => db.notification.count({ where: { salonId, kind: "AUTO_REPLY" } });

/** A text to the customer `hoursAgo` hours ago. */
function textedBefore(
  salonId: string,
  customerId: string,
  kind: NotificationKind,
  hoursAgo: number,
  status: NotificationStatus = "DELIVERED",
) {
  return createNotification(salonId, {
    customerId,
    kind,
    status,
    createdAt: new Date(Date.now() - hoursAgo * 3_600_000),
  });
}

describe("sendAutoReplyOnce", () => {
  it("ten texts racing for it queue exactly one auto-reply", async () => {
    const { salon, customer } = await setup();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => sendAutoReplyOnce(salon, customer.id, new Date())),
    );
    expect(results.filter((r) => r === "sent").length).toBeGreaterThanOrEqual(1);
    expect(await autoReplies(salon.id)).toBe(1);
  });

  it("holds no transaction open while the reply is queued, so a slow queue can't time one out", async () => {
    const { salon, customer } = await setup();
    let pending!: Promise<string>;
    let othersOpen: number | undefined;
    // Another session is mid-way through inserting the same claim: sendSms's INSERT must wait for it.
    const rolledBack = db.$transaction(async (tx) => {
      const data = {
        salonId: salon.id,
        customerId: customer.id,
        recipientKind: "CUSTOMER" as const,
        destination: customer.phone,
      };
      await tx.notification.create({
        data: { ...data, kind: "AUTO_REPLY", body: "x", idempotencyKey: autoReplyKey(customer.id, null) },
      });
      const [{ pid }] = await tx.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
      pending = sendAutoReplyOnce(salon, customer.id, new Date());
      await waitForLockWaiter();
      expect(await countLockWaiters()).toBe(1);
      // Sessions other than this one sitting in an open transaction while the INSERT waits.
      const [open] = await db.$queryRaw<[{ n: number }]>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND pid <> ${pid}`;
      othersOpen = open.n;
      throw new Error("roll back the competing claim");
    });
    await expect(rolledBack).rejects.toThrow("roll back the competing claim");
    expect(othersOpen).toBe(0);
    expect(await pending).toBe("sent");
    expect(await autoReplies(salon.id)).toBe(1);
  });

  it("says today's closure in the hours line", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone(), timeZone: "America/New_York", businessHours: { fri: [{ open: "09:00", close: "17:00" }], sat: [{ open: "09:00", close: "17:00" }] } });
    const customer = await createCustomer(salon.id, { firstTextedAt: new Date() });
    await db.specialDay.create({ data: { salonId: salon.id, date: new Date("2026-12-25"), label: "Christmas Day" } });
    expect(await sendAutoReplyOnce(salon, customer.id, new Date("2026-12-25T17:00:00Z"))).toBe("sent");
    const reply = await db.notification.findFirstOrThrow({ where: { salonId: salon.id, kind: "AUTO_REPLY" } });
    expect(reply.body).toMatch(/ We're closed today for Christmas Day; we open tomorrow at 9 AM\.$/);
  });

  it("once per 12 hours: recently sent inside the window, a new one after it", async () => {
    const { salon, customer } = await setup();
    expect(await sendAutoReplyOnce(salon, customer.id, new Date())).toBe("sent");
    expect(await sendAutoReplyOnce(salon, customer.id, new Date())).toBe("recently_sent");
    await db.notification.updateMany({
      where: { salonId: salon.id, kind: "AUTO_REPLY" },
      data: { createdAt: new Date(Date.now() - AUTO_REPLY_WINDOW_MS - 60_000) },
    });
    expect(await sendAutoReplyOnce(salon, customer.id, new Date())).toBe("sent");
    expect(await autoReplies(salon.id)).toBe(2);
  });

  it("not while staff are texting with the customer (a staff text in the last 12 hours)", async () => {
    const { salon, customer } = await setup();
    await textedBefore(salon.id, customer.id, "CUSTOM", 2);
    expect(await sendAutoReplyOnce(salon, customer.id, new Date())).toBe("staff_conversation");
    expect(await autoReplies(salon.id)).toBe(0);
  });

  it.each([
    ["an automated reminder", "REMINDER" as const, 2, "DELIVERED" as const],
    ["a staff text more than 12 hours old", "CUSTOM" as const, 13, "DELIVERED" as const],
    ["a staff text that never went out", "CUSTOM" as const, 1, "CANCELED" as const],
    ["a staff text Twilio couldn't deliver", "CUSTOM" as const, 1, "UNDELIVERED" as const],
  ])("%s doesn't count as a conversation with staff", async (_name, kind, hoursAgo, status) => {
    const { salon, customer } = await setup();
    await textedBefore(salon.id, customer.id, kind, hoursAgo, status);
    expect(await sendAutoReplyOnce(salon, customer.id, new Date())).toBe("sent");
  });

  it("only this salon's texts count: a staff text from another salon to the same phone doesn't", async () => {
    const { salon, customer } = await setup();
    const other = await createSalon();
    const there = await createCustomer(other.id, { phone: customer.phone });
    await textedBefore(other.id, there.id, "CUSTOM", 1);
    await textedBefore(other.id, there.id, "AUTO_REPLY", 1);
    expect(await sendAutoReplyOnce(salon, customer.id, new Date())).toBe("sent");
    expect(await autoReplies(other.id)).toBe(1);
  });
});
