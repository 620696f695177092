// The incoming-call INSERT, batched across calls that arrive in the same event-loop turn: calls to
// different salons share one statement yet each lands in (and links to a customer of) its own salon;
// duplicates inside a batch make one row; one bad row does not cost the others their log.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { insertInboundCallLog, logInboundCall, type NewInboundCall } from "@/lib/calls/insert-call-log";
import { createCustomer, createSalon, uniquePhone } from "@/lib/testing/factories";
import { newCallSid } from "@/lib/testing/voice-test-kit";

const call = (
  salon: { id: string; twilioNumber: string | null },
  from: string,
  callSid = newCallSid(),
): NewInboundCall => ({
  salonId: salon.id,
  callSid,
  from,
  to: salon.twilioNumber!,
  status: "RINGING",
  startedAt: new Date("2026-11-29T15:04:05.678Z"),
});

describe("insertInboundCallLog", () => {
  it("logs calls to two salons arriving together, each in its own salon and linked to that salon's customer", async () => {
    const [a, b] = await Promise.all([
      createSalon({ twilioNumber: uniquePhone() }),
      createSalon({ twilioNumber: uniquePhone() }),
    ]);
    // One caller who is a customer of both salons: each call must link to its own salon's record.
    const caller = uniquePhone();
    const [customerA, customerB] = await Promise.all([
      createCustomer(a.id, { phone: caller }),
      createCustomer(b.id, { phone: caller }),
    ]);
    const calls = [call(a, caller), call(b, caller), call(a, uniquePhone()), call(b, uniquePhone())];

    expect(await Promise.all(calls.map(insertInboundCallLog))).toEqual([true, true, true, true]);

    const rows = await db.callLog.findMany({ where: { callSid: { in: calls.map((c) => c.callSid) } } });
    const bySid = new Map(rows.map((r) => [r.callSid, r]));
    expect(bySid.get(calls[0]!.callSid)).toMatchObject({
      salonId: a.id,
      customerId: customerA.id,
      from: caller,
      to: a.twilioNumber,
      direction: "INBOUND",
      status: "RINGING",
    });
    expect(bySid.get(calls[1]!.callSid)).toMatchObject({
      salonId: b.id,
      customerId: customerB.id,
      from: caller,
      to: b.twilioNumber,
    });
    expect(bySid.get(calls[2]!.callSid)).toMatchObject({ salonId: a.id, customerId: null });
    expect(bySid.get(calls[3]!.callSid)).toMatchObject({ salonId: b.id, customerId: null });
    expect(rows.every((r) => r.startedAt.toISOString() === "2026-11-29T15:04:05.678Z")).toBe(true);
  });

  it("makes one row for two deliveries of a CallSid in one batch, and only the first reports it created it", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone() });
    const twice = call(salon, uniquePhone());
    expect(await Promise.all([insertInboundCallLog(twice), insertInboundCallLog({ ...twice })])).toEqual([
      true,
      false,
    ]);
    expect(await insertInboundCallLog(twice)).toBe(false);
    expect(await db.callLog.count({ where: { callSid: twice.callSid } })).toBe(1);
  });

  it("rejects only the call whose row cannot be written; the rest of its batch is logged", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone() });
    const good = [call(salon, uniquePhone()), call(salon, uniquePhone())];
    const orphan = { ...call(salon, uniquePhone()), salonId: randomUUID() }; // no such salon: a foreign-key violation
    const results = await Promise.allSettled([
      insertInboundCallLog(good[0]!),
      insertInboundCallLog(orphan),
      insertInboundCallLog(good[1]!),
    ]);

    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/foreign key/);
    expect(await db.callLog.count({ where: { callSid: { in: good.map((c) => c.callSid) } } })).toBe(2);
    expect(await db.callLog.count({ where: { callSid: orphan.callSid } })).toBe(0);
  });

  it("logs a burst larger than one statement's batch", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone() });
    const burst = Array.from({ length: 450 }, () => call(salon, uniquePhone()));
    const created = await Promise.all(burst.map(insertInboundCallLog));
    expect(created.every(Boolean)).toBe(true);
    expect(await db.callLog.count({ where: { salonId: salon.id } })).toBe(450);
  });
});

describe("logInboundCall", () => {
  it("starts the call in the caller's remembered language (a merged number reads the kept record's) and returns it", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone() });
    const kept = await createCustomer(salon.id, { language: "es" });
    const merged = await createCustomer(salon.id);
    await db.customer.update({ where: { id: merged.id }, data: { mergedIntoId: kept.id } });
    const calls = [call(salon, kept.phone), call(salon, merged.phone), call(salon, uniquePhone())];

    expect(await Promise.all(calls.map(logInboundCall))).toEqual([
      { created: true, language: "es" },
      { created: true, language: "es" },
      { created: true, language: null },
    ]);
    expect(await logInboundCall(calls[0]!)).toEqual({ created: false, language: null });
    const rows = await db.callLog.findMany({ where: { callSid: { in: calls.map((c) => c.callSid) } }, orderBy: { from: "asc" } });
    expect(Object.fromEntries(rows.map((r) => [r.from, [r.customerId, r.language]]))).toEqual({
      [kept.phone]: [kept.id, "es"],
      [merged.phone]: [kept.id, "es"],
      [calls[2]!.from]: [null, null],
    });
  });
});
