// Lost status callbacks: the worker's sweep asks Twilio (the stand-in) and catches the row up.
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startStandInForTests } from "@/lib/testing/twilio-sandbox";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { getTwilioClient } from "@/lib/telephony/twilio";
import { createTextingSalon, eventsOf } from "@/lib/testing/delivery-test-kit";
import { reconcileStaleStatuses, RECONCILE_AFTER_MS } from "@/lib/messaging/delivery/reconcile-statuses";

let standIn: TwilioStandIn;
beforeAll(async () => {
  // Callbacks are never signed, so none arrive: exactly the lost-callback case.
  standIn = await startStandInForTests({ callbackDelayMs: 1, signCallbacksWith: () => undefined });
});
afterAll(() => standIn.close());

it("records the status Twilio reports for a text whose callbacks never came", async () => {
  const salon = await createTextingSalon(standIn);
  const message = await getTwilioClient().messages.create({
    to: "+14155550150",
    from: salon.twilioNumber as string,
    body: "Hi",
  });
  await standIn.state.settled();
  const changedAt = new Date(Date.now() - RECONCILE_AFTER_MS - 30_000);
  const n = await db.notification.create({
    data: {
      salonId: salon.id,
      kind: "CUSTOM",
      recipientKind: "OTHER",
      destination: "+14155550150",
      body: "Hi",
      status: "SENDING",
      providerMessageId: message.sid,
      updatedAt: changedAt,
    },
  });
  expect(await reconcileStaleStatuses()).toBe(1);
  const row = await db.notification.findUniqueOrThrow({ where: { id: n.id } });
  expect(row.status).toBe("DELIVERED");
  expect((await eventsOf(n.id)).map((e) => e.detail)).toEqual([
    "Checked with Twilio: no status report had arrived.",
  ]);
  // Once per change: the next sweep leaves it alone.
  expect(await reconcileStaleStatuses()).toBe(0);
});
