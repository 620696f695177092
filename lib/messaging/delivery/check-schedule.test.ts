// The back-off between checks with Twilio: doubling from the first delay, capped, ending at the horizon.
import { expect, it } from "vitest";
import { backoffDelay, nextCheckAt, type CheckSchedule } from "@/lib/messaging/delivery/check-schedule";

const S: CheckSchedule = { sendingAfterMs: 0, statusAfterMs: 0, initialDelayMs: 60_000, factor: 2, maxDelayMs: 600_000, giveUpMs: 3_600_000 };
const NOW = new Date("2026-12-06T22:00:00Z");

it("waits INITIAL × FACTOR^n between checks, capped at MAX", () => {
  expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, S) / 60_000)).toEqual([1, 2, 4, 8, 10, 10, 10]);
});

it("stops once asking again would pass the horizon", () => {
  // 1 + 2 + 4 + 8 + 10×4 = 55 minutes of asking; a further 10 would pass the hour.
  expect(nextCheckAt(NOW, 8, S)?.getTime()).toBe(NOW.getTime() + 600_000);
  expect(nextCheckAt(NOW, 9, S)).toBeNull();
});
