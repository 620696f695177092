// Claims on incoming texts are leases read from the clock when they are taken, not when a sweep began:
// a sweep several minutes into its batch still holds the text it acts on for a full lease, against
// another instance's sweep, a redelivery and the customer's next text. And an attempt ends only while
// it still holds its text: one whose lease ran out can neither finish nor free a text claimed since.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEFAULT_AUTO_REPLY } from "@/lib/messaging/auto-reply";
import {
  claimNextWaitingText,
  finishInboundText,
  releaseInboundText,
} from "@/lib/messaging/inbound-claims";
import { retryUnprocessedTexts } from "@/lib/messaging/retry-unprocessed-texts";
import { describeAppointmentTime } from "@/lib/messaging/time-text";
import { systemClock } from "@/lib/time/clock";
import { createAppointment } from "@/lib/testing/factories";
import { waitForLockWaiter } from "@/lib/testing/lock-waiters";
import {
  createSalonWithCustomer,
  deliveredTo,
  minutesAgo,
  setUpTextingServersForSweeps,
  smsParams,
  storedText,
  storeWithoutActing,
  strandText,
} from "@/lib/testing/sms-test-kit";

const servers = setUpTextingServersForSweeps();

const DAY = 24 * 60 * 60 * 1000;

describe("a sweep's claims", () => {
  it("taken minutes after the sweep chose its batch, still hold the text and the customer's next one", async () => {
    const { salon, customer } = await createSalonWithCustomer(servers.standIn, { timeZone: "UTC" });
    const appt = await createAppointment(salon.id, {
      customerId: customer.id,
      startsAt: new Date(Date.now() + 2 * DAY),
    });
    const confirm = await strandText(salon, customer.phone, "C", minutesAgo(10));
    // The sweep chose its batch three minutes ago (the texts before this one were slow); every later
    // reading is the time as it is.
    let readings = 0;
    const sweepClock = () => (readings++ === 0 ? minutesAgo(3) : new Date());

    let sweep!: Promise<number>;
    // Staff hold the appointment: the sweep claims the C and waits to confirm it.
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "appointments" WHERE "id" = ${appt.id} FOR UPDATE`;
      sweep = retryUnprocessedTexts(sweepClock);
      await waitForLockWaiter("%FOR UPDATE%");

      // Another instance's sweep, a redelivery, and the customer's next text all find it held.
      expect(await claimNextWaitingText(salon.id, customer.id, systemClock)).toBeNull();
      expect((await storeWithoutActing(salon.id, confirm)).claim.state).toBe("in_flight");
      const next = await storeWithoutActing(
        salon.id,
        smsParams({ from: customer.phone, to: salon.twilioNumber ?? "", body: "see you then" }),
      );
      expect(next.claim.state).toBe("waiting");
      expect((await storedText(confirm.MessageSid!)).attempts).toBe(2);
    });

    // The sweep confirms, then acts on the text that waited: each once.
    expect(await sweep).toBe(2);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).status).toBe("CONFIRMED");
    const when = describeAppointmentTime(appt.startsAt, new Date(), "UTC");
    expect(await deliveredTo(servers.standIn, salon.id, customer.phone)).toEqual([
      `${salon.name}: Thanks! Your appointment ${when} is confirmed.`,
      `${salon.name}: ${DEFAULT_AUTO_REPLY}`,
    ]);
  });
});

describe("ending an attempt", () => {
  it("an attempt whose lease ran out can't finish or free the text another process claimed since", async () => {
    const { salon, customer } = await createSalonWithCustomer(servers.standIn);
    const params = smsParams({ from: customer.phone, to: salon.twilioNumber ?? "", body: "HELP" });
    // Its webhook claimed it three minutes ago and is still at it (or hung); the sweep takes it over.
    const { claim: stale } = await storeWithoutActing(salon.id, params, minutesAgo(3));
    if (stale.state !== "claimed") throw new Error(`the webhook did not claim its text (${stale.state})`);
    const current = await claimNextWaitingText(salon.id, customer.id, systemClock);
    expect(current).toMatchObject({ messageSid: params.MessageSid, attempt: 2 });
    const held = await storedText(params.MessageSid!);

    expect(await finishInboundText(salon.id, stale.text, new Date(), true)).toBe(false);
    expect(await releaseInboundText(salon.id, stale.text)).toBe(false);
    expect(await storedText(params.MessageSid!)).toMatchObject({
      processedAt: null,
      readAt: null,
      attempts: 2,
      claimedAt: held.claimedAt,
    });
    // Still held by the sweep: nobody else can claim it.
    expect(await claimNextWaitingText(salon.id, customer.id, systemClock)).toBeNull();

    expect(await finishInboundText(salon.id, current!, new Date(), true)).toBe(true);
    expect(await storedText(params.MessageSid!)).toMatchObject({ processedAt: expect.any(Date), claimedAt: null });
  });
});
