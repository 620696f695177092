// The phone simulator against the real thing: Bolt's webhook route handlers served over HTTP at
// PUBLIC_BASE_URL (so the simulator's signed requests and the Twilio stand-in's inbound text arrive as
// Twilio's would), the stand-in as Twilio, and the real SDK reading the phone's thread back.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { db } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { DEFAULT_BUSINESS_HOURS } from "@/lib/salons/business-hours";
import type { CallerAction, CallStep } from "@/lib/simulator/call-types";
import { continueSimulatedCall, startSimulatedCall } from "@/lib/simulator/simulated-call";
import { readPhoneThread, textSalonFromPhone } from "@/lib/simulator/text-thread";
import { resetTwilioClientsForTests } from "@/lib/telephony/twilio";
import { createAppointment, createCustomer, uniquePhone } from "@/lib/testing/factories";
import { deliverQueued } from "@/lib/testing/sms-test-kit";
import { MAIN_ACCOUNT, pointEnvAt, startStandInForTests } from "@/lib/testing/twilio-sandbox";
import { callEventsOf, callRow, createVoiceSalon, VOICE_ROUTES } from "@/lib/testing/voice-test-kit";
import { POST as smsRoute } from "@/app/api/webhooks/twilio/sms/route";
import { POST as smsStatusRoute } from "@/app/api/webhooks/twilio/sms/status/route";

const ROUTES: Record<string, (req: Request) => Promise<Response>> = {
  ...VOICE_ROUTES,
  "/api/webhooks/twilio/sms": smsRoute,
  "/api/webhooks/twilio/sms/status": smsStatusRoute,
};

let standIn: TwilioStandIn;
let app: Server;
let appUrl: string;
const NOW = () => new Date("2026-12-09T18:00:00Z");

beforeAll(async () => {
  standIn = await startStandInForTests();
  // Bolt's webhooks as Next serves them: the route handlers behind one HTTP server at PUBLIC_BASE_URL.
  app = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
    const url = `${appUrl}${req.url ?? "/"}`;
    const route = ROUTES[new URL(url).pathname];
    const response = route ? await route(new Request(url, { method: "POST", headers, body: Buffer.concat(chunks) })) : new Response("not found", { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  vi.stubEnv("PUBLIC_BASE_URL", appUrl);
  reloadEnv();
  resetTwilioClientsForTests();
});
afterAll(async () => {
  await stopBoss();
  await standIn.close();
  await new Promise<void>((resolve) => {
    app.close(() => resolve());
    app.closeAllConnections();
  });
});

async function act(salonId: string, step: CallStep, action: CallerAction): Promise<CallStep> {
  if (!step.state) throw new Error("the call has ended");
  return continueSimulatedCall(salonId, step.state, action, { now: NOW });
}
const said = (step: CallStep, speaker = "bolt") => step.lines.filter((l) => l.speaker === speaker).map((l) => l.text).join(" ");

describe("a simulated call", () => {
  it("asks for the hours in words: hears them, then hangs up; every request was signed and the call is logged", async () => {
    const { salon } = await createVoiceSalon({ name: "Shear Bliss", businessHours: DEFAULT_BUSINESS_HOURS, timeZone: "America/Chicago" });
    const from = uniquePhone();
    const rung = await startSimulatedCall(salon.id, from, { now: NOW });
    expect(rung.waiting).toEqual({ verb: "gather", speech: true, keys: true });
    expect(rung.exchanges[0]).toMatchObject({ path: "/api/webhooks/twilio/voice", status: 200, params: { CallStatus: "ringing", From: from, To: salon.twilioNumber } });

    const hours = await act(salon.id, rung, { kind: "say", text: "What are your hours?" });
    expect(hours.exchanges[0]?.params).toMatchObject({ SpeechResult: "What are your hours?", Confidence: "0.92" });
    expect(said(hours)).toContain("Our hours are Tuesday to Saturday, 9 AM to 6 PM.");
    expect(hours.waiting?.verb).toBe("gather");

    const ended = await act(salon.id, hours, { kind: "hangup" });
    expect(ended).toMatchObject({ state: null, waiting: null });
    expect(ended.exchanges.at(-1)).toMatchObject({ path: "/api/webhooks/twilio/voice/status", params: { CallStatus: "completed" } });
    const row = await callRow(rung.callSid);
    expect(row).toMatchObject({ salonId: salon.id, from, status: "COMPLETED" });
    expect(row.durationSeconds).toBeGreaterThan(0);
    expect((await callEventsOf(rung.callSid)).map((e) => e.kind)).toContain("HEARD");
  });

  it("asks for a person: the salon's phone doesn't answer, the caller leaves a voicemail, its transcript is logged", async () => {
    const { salon, forwardingPhone } = await createVoiceSalon();
    const rung = await startSimulatedCall(salon.id, uniquePhone(), { now: NOW });
    const ringing = await act(salon.id, rung, { kind: "say", text: "Can I talk to someone please" });
    expect(ringing.waiting).toEqual({ verb: "dial", number: forwardingPhone });
    // The wrong kind of answer for a ringing phone is refused, and nothing is posted.
    await expect(act(salon.id, ringing, { kind: "keys", digits: "1" })).rejects.toMatchObject({ code: "not_waiting_for_that" });

    const record = await act(salon.id, ringing, { kind: "forward", answer: "no-answer" });
    expect(record.exchanges[0]).toMatchObject({ path: "/api/webhooks/twilio/voice/dial-result", params: { DialCallStatus: "no-answer" } });
    expect(record.waiting?.verb).toBe("record");

    const message = "Hi, this is Dana. Please call me back about my color appointment.";
    const ended = await act(salon.id, record, { kind: "voicemail", text: message });
    expect(ended.state).toBeNull();
    expect(ended.exchanges.map((e) => e.path)).toEqual([
      "/api/webhooks/twilio/voice/recorded",
      "/api/webhooks/twilio/voice/recording",
      "/api/webhooks/twilio/voice/status",
      "/api/webhooks/twilio/voice/transcription",
    ]);
    const row = await callRow(rung.callSid);
    expect(row).toMatchObject({ outcome: "VOICEMAIL", transcription: message, followUp: "OPEN" });
    expect(row.recordingSid).toMatch(/^RE[0-9a-f]{32}$/);
    const kinds = (await callEventsOf(rung.callSid)).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["TRANSFER_STARTED", "TRANSFER_ENDED", "VOICEMAIL_LEFT", "TRANSCRIPT_READY"]));
  });

  it("the salon's phone picks up and presses 1 at the screening: answered by staff", async () => {
    const { salon } = await createVoiceSalon({ name: "Luxe Hair" });
    const rung = await startSimulatedCall(salon.id, uniquePhone(), { now: NOW });
    const ringing = await act(salon.id, rung, { kind: "say", text: "I want to speak to a person" });
    const taken = await act(salon.id, ringing, { kind: "forward", answer: "take" });
    expect(taken.exchanges.map((e) => e.path)).toEqual([
      "/api/webhooks/twilio/voice/screen",
      "/api/webhooks/twilio/voice/screen-result",
      "/api/webhooks/twilio/voice/dial-result",
      "/api/webhooks/twilio/voice/status",
    ]);
    expect(taken.exchanges[0]?.params).toMatchObject({ ParentCallSid: rung.callSid, Direction: "outbound-dial" });
    expect(said(taken, "staff")).toContain("Call for Luxe Hair from");
    expect(await callRow(rung.callSid)).toMatchObject({ outcome: "ANSWERED_BY_STAFF" });
  });

  it("goes on only with this salon's own calls, and only to Bolt's voice webhooks", async () => {
    const { salon } = await createVoiceSalon();
    const { salon: other } = await createVoiceSalon();
    const rung = await startSimulatedCall(salon.id, uniquePhone(), { now: NOW });
    await expect(act(other.id, rung, { kind: "say", text: "hours" })).rejects.toMatchObject({ code: "not_found" });
    const elsewhere = { ...rung.state!, twiml: '<Response><Gather input="speech" action="https://evil.example/api/webhooks/twilio/voice/gather"/></Response>', at: 0 };
    await expect(continueSimulatedCall(salon.id, elsewhere, { kind: "say", text: "hours" })).rejects.toMatchObject({ code: "unexpected_webhook" });
    await expect(startSimulatedCall(salon.id, salon.twilioNumber!)).rejects.toMatchObject({ code: "same_number" });
    // Silence at the greeting: Bolt asked for the empty result (a reprompt), as Twilio's timeout posts it.
    const silent = await act(salon.id, rung, { kind: "silence" });
    expect(silent.exchanges[0]?.params).not.toHaveProperty("SpeechResult");
    expect(silent.waiting?.verb).toBe("gather");
  });
});

describe("the simulator's texts", () => {
  it("a customer texts C through the stand-in: the appointment is confirmed and the reply reaches the phone, with its status", async () => {
    const { salon } = await createVoiceSalon({ quietHoursStart: "00:00", quietHoursEnd: "00:00" });
    const { salon: other } = await createVoiceSalon({ quietHoursStart: "00:00", quietHoursEnd: "00:00" });
    for (const s of [salon, other]) standIn.state.addNumber({ accountSid: MAIN_ACCOUNT.sid, phoneNumber: s.twilioNumber!, smsUrl: `${appUrl}/api/webhooks/twilio/sms` });
    const customer = await createCustomer(salon.id, { name: "Dana Whitfield", firstTextedAt: new Date() });
    const appointment = await createAppointment(salon.id, { customerId: customer.id });

    await textSalonFromPhone(salon.id, customer.phone, "C");
    const stored = await db.inboundMessage.findFirstOrThrow({ where: { salonId: salon.id, from: customer.phone } });
    expect(stored.body).toBe("C");
    expect(await db.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).toMatchObject({ status: "CONFIRMED" });

    expect(await deliverQueued(salon.id)).toBeGreaterThan(0);
    await standIn.state.settled();
    const thread = await readPhoneThread(salon.id, customer.phone);
    expect(thread[0]).toMatchObject({ direction: "in", body: "C", status: null, sid: stored.messageSid });
    expect(thread.slice(1).length).toBeGreaterThan(0);
    for (const reply of thread.slice(1)) expect(reply).toMatchObject({ direction: "out", status: "DELIVERED" });
    // The same phone's thread with another salon holds none of it.
    expect(await readPhoneThread(other.id, customer.phone)).toEqual([]);
  });

  it("does not exist with real Twilio: calls and texts are refused before anything is sent or logged", async () => {
    const { salon } = await createVoiceSalon();
    vi.stubEnv("TWILIO_API_BASE_URL", "https://api.twilio.com");
    reloadEnv();
    try {
      const phone = uniquePhone();
      await expect(startSimulatedCall(salon.id, phone)).rejects.toMatchObject({ code: "sandbox_only", status: 403 });
      await expect(textSalonFromPhone(salon.id, phone, "hi")).rejects.toMatchObject({ code: "sandbox_only" });
      await expect(readPhoneThread(salon.id, phone)).rejects.toMatchObject({ code: "sandbox_only" });
    } finally {
      pointEnvAt(standIn);
    }
    expect(await db.callLog.count({ where: { salonId: salon.id } })).toBe(0);
    expect(standIn.state.messages.filter((m) => m.to === salon.twilioNumber)).toEqual([]);
  });
});
