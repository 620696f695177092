// The monthly quota: what counts (in the salon's own month), and how a batch is admitted against it.
import { describe, expect, it } from "vitest";
import { countMonthlySms, monthStart, quotaReason, smsUsedThisMonth, splitByQuota } from "@/lib/messaging/quota";
import { createNotification, createSalon } from "@/lib/testing/factories";

// Mid-month in every zone used here, so nothing depends on the machine's clock or zone.
const NOW = new Date("2026-03-15T12:00:00Z");
const at = (iso: string) => new Date(iso);

describe("monthStart", () => {
  it("is midnight on the 1st in the salon's zone", () => {
    // 02:00 UTC on Dec 1 is still November in New York.
    expect(monthStart(new Date("2025-12-01T02:00:00Z"), "America/New_York").toISOString()).toBe(
      "2025-11-01T04:00:00.000Z",
    );
    expect(monthStart(new Date("2025-12-01T06:00:00Z"), "America/New_York").toISOString()).toBe(
      "2025-12-01T05:00:00.000Z",
    );
    expect(monthStart(new Date("2025-12-01T06:00:00Z"), "Asia/Tokyo").toISOString()).toBe(
      "2025-11-30T15:00:00.000Z",
    );
  });
});

describe("countMonthlySms", () => {
  it("counts texts handed to Twilio this month in the salon's zone, and those in flight", async () => {
    const tokyo = await createSalon({ timeZone: "Asia/Tokyo" });
    const other = await createSalon({ timeZone: "Asia/Tokyo" });
    const counted = [
      { status: "SENT", sentAt: at("2026-03-10T00:00:00Z") },
      { status: "DELIVERED", sentAt: at("2026-03-14T00:00:00Z") },
      { status: "UNDELIVERED", sentAt: at("2026-03-14T00:00:00Z") },
      // Still February 28 in UTC, already March 1 in Tokyo.
      { status: "SENT", sentAt: at("2026-02-28T15:30:00Z") },
      { status: "SENDING" },
    ] as const;
    const notCounted = [
      { status: "SENT", sentAt: at("2026-02-28T14:30:00Z") },
      { status: "FAILED" },
      { status: "CANCELED" },
      { status: "QUEUED" },
    ] as const;
    for (const n of [...counted, ...notCounted]) await createNotification(tokyo.id, { ...n });
    await createNotification(tokyo.id, { channel: "EMAIL", status: "SENT", sentAt: at("2026-03-10T00:00:00Z") });
    await createNotification(other.id, { status: "SENT", sentAt: at("2026-03-10T00:00:00Z") });

    const used = await countMonthlySms([tokyo, other], NOW);
    expect(used.get(tokyo.id)).toBe(counted.length);
    expect(used.get(other.id)).toBe(1);
    // Settings reads the same number.
    expect(await smsUsedThisMonth(tokyo, NOW)).toBe(counted.length);
  });
});

describe("splitByQuota", () => {
  it("admits each salon's texts up to its quota, counting the earlier ones of the same batch", async () => {
    const full = await createSalon({ monthlySmsQuota: 3 });
    const roomy = await createSalon({ monthlySmsQuota: 100 });
    await createNotification(full.id, { status: "DELIVERED", sentAt: at("2026-03-02T12:00:00Z") });
    const texts = ["a1", "b1", "a2", "a3", "b2"].map((name) => ({
      name,
      salon: name.startsWith("a") ? full : roomy,
    }));
    const { within, over } = await splitByQuota(texts, (t) => t.salon, NOW);
    expect(within.map((t) => t.name)).toEqual(["a1", "b1", "a2", "b2"]);
    expect(over.map((t) => t.name)).toEqual(["a3"]);
  });

  it("says what to do about it", () => {
    expect(quotaReason(2)).toBe("Monthly text limit of 2 reached — raise it in Settings.");
  });
});
