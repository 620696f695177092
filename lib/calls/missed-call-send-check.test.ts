// A missed-call text-back held overnight by quiet hours is re-checked when the morning comes: dropped,
// with a plain reason, if the caller got through since (staff or Bolt answered a later call, they left
// a voicemail, they texted in); sent if not (another missed call, or contact with another salon).
import { describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inTouchSinceReason } from "@/lib/calls/missed-call-send-check";
import { missedCallSelect, sendMissedCallTextBack } from "@/lib/calls/missed-call-text";
import { db } from "@/lib/db";
import { createTextingSalon, setUpTextingServers } from "@/lib/testing/delivery-test-kit";
import { processDeliverJob } from "@/lib/messaging/delivery/deliver-notification";
import { createCallLog, uniquePhone } from "@/lib/testing/factories";
import { minutesAgo, textSalon } from "@/lib/testing/sms-test-kit";

const servers = setUpTextingServers();

const hhmm = (d: Date) => d.toISOString().slice(11, 16);
const deliver = (n: { id: string; salonId: string }) =>
  processDeliverJob({ notificationId: n.id, salonId: n.salonId }, { retryCount: 0, retryLimit: 5 });

type Salon = Awaited<ReturnType<typeof createTextingSalon>>;
type LaterContact = (salon: Salon, caller: string) => Promise<unknown>;

const recordCall = (salon: Salon, from: string, data: Partial<Prisma.CallLogUncheckedCreateInput>) =>
  createCallLog(salon.id, {
    from,
    to: salon.twilioNumber ?? "",
    startedAt: new Date(),
    endedAt: new Date(),
    ...data,
  });

/** A call missed last night whose text-back quiet hours are holding; then `contact`; then the morning's send. */
async function holdOvernightThen(contact: LaterContact) {
  const now = Date.now();
  // Quiet (UTC wall clock) from an hour ago to an hour from now: it is the middle of the night.
  const salon = await createTextingSalon(servers.standIn, {
    timeZone: "UTC",
    quietHoursStart: hhmm(new Date(now - 3600_000)),
    quietHoursEnd: hhmm(new Date(now + 3600_000)),
  });
  const caller = uniquePhone();
  const { id } = await recordCall(salon, caller, {
    status: "NO_ANSWER",
    startedAt: minutesAgo(30),
    endedAt: minutesAgo(29),
  });
  const missed = await db.callLog.findUniqueOrThrow({ where: { id }, select: missedCallSelect });
  expect(await sendMissedCallTextBack(missed, salon.name, { graceSeconds: 0 })).toBe("sent");
  const text = await db.notification.findFirstOrThrow({ where: { salonId: salon.id, kind: "MISSED_CALL" } });
  expect(await deliver(text)).toMatchObject({ result: "deferred" });

  await contact(salon, caller);
  // Morning: quiet hours are over.
  await db.salon.update({
    where: { id: salon.id },
    data: { quietHoursStart: "00:00", quietHoursEnd: "00:00" },
  });
  const outcome = await deliver(text);
  const row = await db.notification.findUniqueOrThrow({ where: { id: text.id } });
  const sent = servers.standIn.state.messages.filter(
    (m) => m.to === caller && m.body.includes("Sorry we missed your call"),
  );
  return { outcome, row, sent };
}

describe("a missed-call text-back held by quiet hours", () => {
  it.each<[string, LaterContact, string]>([
    [
      "staff answered a later call",
      (s, c) => recordCall(s, c, { status: "COMPLETED", reason: "TRANSFER", answeredAt: new Date() }),
      "staff answered a later call from them",
    ],
    [
      "Bolt answered a later call",
      (s, c) => recordCall(s, c, { status: "COMPLETED", reason: "HOURS" }),
      "Bolt answered a later call from them",
    ],
    [
      "Bolt booked them on a later call",
      (s, c) => recordCall(s, c, { status: "COMPLETED", reason: "BOOKING", servedByBolt: "BOOKED" }),
      "Bolt booked them on a later call",
    ],
    [
      "they left a voicemail",
      (s, c) =>
        recordCall(s, c, {
          status: "COMPLETED",
          reason: "VOICEMAIL",
          recordingSid: `RE${uniquePhone().slice(1)}`,
        }),
      "they left a voicemail on a later call",
    ],
    ["they texted in", (s, c) => textSalon(s, c, "Hi! Can I come in Friday?"), "they texted the salon"],
  ])("is cancelled in the morning when %s", async (_name, contact, how) => {
    const { outcome, row, sent } = await holdOvernightThen(contact);
    expect(outcome).toMatchObject({ result: "canceled" });
    expect(row).toMatchObject({
      status: "CANCELED",
      failureReason: inTouchSinceReason(how),
      providerMessageId: null,
    });
    expect(sent).toEqual([]);
  });

  it.each<[string, LaterContact]>([
    ["nothing happened", async () => {}],
    ["they called again and were missed again", (s, c) => recordCall(s, c, { status: "NO_ANSWER" })],
    [
      "they got through to another salon",
      async (_s, c) => {
        const other = await createTextingSalon(servers.standIn);
        await recordCall(other, c, { status: "COMPLETED", reason: "TRANSFER", answeredAt: new Date() });
        await textSalon(other, c, "Hello other salon");
      },
    ],
  ])("still goes out in the morning when %s", async (_name, contact) => {
    const { outcome, row, sent } = await holdOvernightThen(contact);
    expect(outcome).toMatchObject({ result: "sent" });
    expect(row.status).not.toBe("CANCELED");
    expect(sent).toHaveLength(1);
  });
});
