// Shared by the receptionist's gather tests (only *.test.ts files import this): a salon in New York with
// hours, address, services and booking instructions; fixed clocks around its DST changes; one turn at
// a menu, either through the handler with an injected clock or through the signed route.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { createCallLog, createSalon, createService, uniquePhone } from "@/lib/testing/factories";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import { buildWebhookUrl } from "@/lib/telephony/signature";
import { handleGather } from "@/lib/telephony/webhooks/handle-gather";
import { callParams, createVoiceSalon, postGather, type CallParams } from "@/lib/testing/voice-test-kit";
import { gatherParamsSchema } from "@/lib/telephony/params/voice";

const WEEKDAY = [{ open: "09:00", close: "19:00" }];
const HOURS = { mon: WEEKDAY, tue: WEEKDAY, wed: WEEKDAY, thu: WEEKDAY, fri: WEEKDAY, sat: WEEKDAY, sun: [{ open: "10:00", close: "16:00" }] };

// New York: EST is UTC−5, EDT UTC−4. 2026-03-08 (Sun) springs forward at 2 AM; 2026-11-01 (Sun) falls back.
export const CLOCK = {
  tuesdayNoon: new Date("2026-03-10T16:00:00Z"), // 12:00 EDT
  tuesdayNight: new Date("2026-03-11T02:00:00Z"), // Tue 22:00 EDT
  springForwardOpen: new Date("2026-03-08T14:30:00Z"), // 10:30 EDT (a fixed −5 offset would say 9:30, closed)
  springForwardEarly: new Date("2026-03-08T06:30:00Z"), // 01:30 EST, just before the jump
  fallBackClosed: new Date("2026-11-01T14:30:00Z"), // 09:30 EST (a fixed −4 offset would say 10:30, open)
  fallBackOpen: new Date("2026-11-01T15:30:00Z"), // 10:30 EST
};

export type ReceptionistSalon = { salon: WebhookSalon; forwardingPhone: string };

/** "Luxe Hair" with two active services, a retired one, and another salon's service that must never show. */
export async function createReceptionistSalon(): Promise<ReceptionistSalon> {
  const created = await createVoiceSalon({
    timeZone: "America/New_York",
    businessHours: HOURS,
    addressLine1: "12 Main Street",
    addressLine2: "Suite 4",
    city: "Brooklyn",
    region: "NY",
    postalCode: "11201",
    bookingInstructions: "Book online at luxe.example/book",
  });
  const salonId = created.salon.id;
  await createService(salonId, { name: "Men's Cut", priceCents: 3500 });
  await createService(salonId, { name: "Blowout", priceCents: 4550 });
  await createService(salonId, { name: "Retired Perm", priceCents: 9900, active: false });
  const other = await createSalon({ twilioNumber: uniquePhone() });
  await createService(other.id, { name: "Other Salon Special", priceCents: 100 });
  return created;
}

export type TurnInput = { speech?: string; digits?: string; attempt?: number; step?: number; repeats?: number; now?: Date; from?: string };

/** A fresh call's first answer at the menu, through the handler with a fixed clock (Tuesday noon by default). */
export async function turn(salon: WebhookSalon, input: TurnInput) {
  const call = await createCallLog(salon.id, { to: salon.twilioNumber!, from: input.from ?? uniquePhone() });
  const params = gatherParamsSchema.parse({
    ...callParams({ callSid: call.callSid, from: call.from, to: salon.twilioNumber!, status: "in-progress" }),
    ...(input.speech !== undefined ? { SpeechResult: input.speech, Confidence: "0.92" } : {}),
    ...(input.digits !== undefined ? { Digits: input.digits } : {}),
  });
  const { attempt = 1, step, repeats, now = CLOCK.tuesdayNoon } = input;
  const response = await handleGather({ params, salon, log: logger, attempt, step, repeats, now });
  const row = await db.callLog.findUniqueOrThrow({ where: { callSid: call.callSid } });
  return { xml: response.toString(), reason: row.reason, call: row };
}

/** A call to the salon, as its later callbacks name it. */
export async function newCall(salon: WebhookSalon): Promise<CallParams> {
  const call = await createCallLog(salon.id, { to: salon.twilioNumber! });
  return callParams({ callSid: call.callSid, from: call.from, to: salon.twilioNumber!, status: "in-progress" });
}

/** One more turn on the same call through the signed route; the TwiML and the call's reason after it. */
export async function reply(call: CallParams, input: { speech?: string; digits?: string }, query = "?attempt=1") {
  const xml = await postGather(call, { SpeechResult: input.speech, Digits: input.digits }, query);
  return { xml, reason: (await db.callLog.findUniqueOrThrow({ where: { callSid: call.CallSid } })).reason };
}

/** The gather's action attribute for `query` (as the TwiML escapes it). */
export const gatherAction = (query: string) =>
  `action="${buildWebhookUrl(`/api/webhooks/twilio/voice/gather${query}`).replaceAll("&", "&amp;")}"`;
