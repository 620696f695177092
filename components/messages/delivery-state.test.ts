import { describe, expect, it } from "vitest";
import { describeDelivery } from "@/components/messages/delivery-state";
import type { OutboundThreadMessage } from "@/lib/conversations/thread-message";
import { UNCONFIRMED_REASON } from "@/lib/messaging/delivery/settle-texts";

const now = new Date("2026-12-09T19:00:00Z");
const salon = { timeZone: "America/Los_Angeles", quietHoursStart: "21:00", quietHoursEnd: "08:00" };
const text = (over: Partial<OutboundThreadMessage>): OutboundThreadMessage => ({
  direction: "OUTBOUND",
  id: "n1",
  at: now,
  body: "See you Friday",
  kind: "CUSTOM",
  status: "SENDING",
  errorCode: null,
  failureReason: null,
  createdByUserId: null,
  scheduledFor: null,
  sentAt: null,
  deliveredAt: null,
  failedAt: null,
  ...over,
});

describe("describeDelivery", () => {
  it("a text on its way is pending, without a detail", () => {
    expect(describeDelivery(text({}), salon, now)).toMatchObject({ tone: "pending", detail: null });
  });

  it("a text Twilio never confirmed after a crash says so, as a problem", () => {
    expect(describeDelivery(text({ failureReason: UNCONFIRMED_REASON }), salon, now)).toMatchObject({
      tone: "problem",
      detail: UNCONFIRMED_REASON,
    });
  });
});
