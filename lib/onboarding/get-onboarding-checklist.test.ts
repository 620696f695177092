// The onboarding checklist from the salon's real state, and its last step, "Call your number now": a
// simulated call through the real signed voice webhooks that logs the call and hears the greeting.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { billingBannerFor } from "@/components/layout/billing-banner";
import { ApiError } from "@/lib/api/errors";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { reloadEnv } from "@/lib/env";
import { db } from "@/lib/db";
import { checklistKey, getOnboardingChecklist, onboardingChecklistOf, type OnboardingState } from "@/lib/onboarding/get-onboarding-checklist";
import { DEFAULT_BUSINESS_HOURS } from "@/lib/salons/business-hours";
import { callOwnNumber } from "@/lib/simulator/call-own-number";
import { gatherAction, spokenLines, SIMULATOR_CALLER, type WebhookTransport } from "@/lib/simulator/place-test-call";
import { createCallLog, createSalon, uniquePhone } from "@/lib/testing/factories";
import { pointEnvAt, startStandInForTests } from "@/lib/testing/twilio-sandbox";
import { VOICE_ROUTES, type VoicePath } from "@/lib/testing/voice-test-kit";

let standIn: TwilioStandIn;
beforeAll(async () => {
  standIn = await startStandInForTests();
});
afterAll(() => standIn.close());

const NEW_SALON: OnboardingState = { subscriptionStatus: "NONE", twilioNumber: null, businessHoursSetAt: null, greeting: null, forwardingPhone: null, hasCalls: false };
const doneIds = (state: OnboardingState) => onboardingChecklistOf(state).steps.filter((s) => s.done).map((s) => s.id);

// The route handlers called as Next would, with the request the simulator signed (no HTTP server in tests).
const routeTransport: WebhookTransport = (pathWithQuery, params, signature) => {
  const path = new URL(pathWithQuery, "http://internal.invalid").pathname as VoicePath;
  const headers = { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature };
  return VOICE_ROUTES[path](new Request(`http://internal.invalid${pathWithQuery}`, { method: "POST", headers, body: new URLSearchParams(params).toString() }));
};

describe("onboardingChecklistOf", () => {
  it("a new salon has nothing done; each step follows its own state", () => {
    expect(doneIds(NEW_SALON)).toEqual([]);
    expect(onboardingChecklistOf(NEW_SALON)).toMatchObject({ complete: false, numberPending: false });
    expect(onboardingChecklistOf({ ...NEW_SALON, subscriptionStatus: "TRIALING" })).toMatchObject({ numberPending: true });
    expect(doneIds({ ...NEW_SALON, subscriptionStatus: "TRIALING", twilioNumber: "+14155550100" })).toEqual(["trial", "number"]);
    expect(doneIds({ ...NEW_SALON, businessHoursSetAt: new Date(0) })).toEqual(["hours"]);
    // Greeting and forwarding phone are one step: both are needed.
    expect(doneIds({ ...NEW_SALON, greeting: "Hi!" })).toEqual([]);
    expect(doneIds({ ...NEW_SALON, greeting: "  ", forwardingPhone: "+14155550100" })).toEqual([]);
    expect(doneIds({ ...NEW_SALON, greeting: "Hi!", forwardingPhone: "+14155550100" })).toEqual(["greeting"]);
    expect(doneIds({ ...NEW_SALON, hasCalls: true })).toEqual(["test-call"]);
  });

  it.each(["NONE", "INCOMPLETE", "CANCELED", "INCOMPLETE_EXPIRED"] as const)("%s: the trial step is not done", (subscriptionStatus) => {
    expect(doneIds({ ...NEW_SALON, subscriptionStatus })).not.toContain("trial");
  });

  it("is complete, and stops polling, when every step is done", () => {
    const all = { subscriptionStatus: "ACTIVE", twilioNumber: "+14155550100", businessHoursSetAt: new Date(0), greeting: "Hi!", forwardingPhone: "+14155550101", hasCalls: true } as const;
    expect(onboardingChecklistOf(all)).toMatchObject({ complete: true, numberPending: false });
    expect(checklistKey(onboardingChecklistOf(all))).toBe("11111");
  });
});

describe("billingBannerFor", () => {
  it("tells the owner when billing needs them, and stays away otherwise", () => {
    expect(billingBannerFor("PAST_DUE")?.title).toBe("Your last payment didn't go through");
    expect(billingBannerFor("UNPAID")?.body).toContain("Bolt is still answering");
    expect(billingBannerFor("PAUSED")?.body).toContain("Callers hear that you're closed");
    expect(billingBannerFor("CANCELED")?.title).toBe("Your subscription has ended");
    expect(billingBannerFor("INCOMPLETE_EXPIRED")?.title).toBe("Your subscription has ended");
    for (const status of ["NONE", "INCOMPLETE", "TRIALING", "ACTIVE"] as const) expect(billingBannerFor(status)).toBeNull();
  });
});

describe("getOnboardingChecklist and Call your number now", () => {
  it("reads the salon's state; another salon's call never counts", async () => {
    const a = await createSalon({ businessHours: DEFAULT_BUSINESS_HOURS, subscriptionStatus: "TRIALING" });
    const b = await createSalon({ twilioNumber: uniquePhone() });
    await createCallLog(b.id);
    expect(await getOnboardingChecklist(a.id)).toMatchObject({ numberPending: true, complete: false, twilioNumber: null });
    expect(checklistKey(await getOnboardingChecklist(a.id))).toBe("10000");
  });

  it("refuses outside the sandbox, and for a salon without a number, logging nothing", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone() });
    // Real Twilio: credentials set and the SDK pointed at Twilio itself.
    vi.stubEnv("TWILIO_API_BASE_URL", "https://api.twilio.com");
    reloadEnv();
    try {
      await expect(callOwnNumber(salon.id, { transport: routeTransport })).rejects.toMatchObject({ code: "sandbox_only", status: 403 });
    } finally {
      pointEnvAt(standIn);
    }
    const noNumber = await createSalon();
    const refused = await callOwnNumber(noNumber.id, { transport: routeTransport }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: "no_number" });
    expect(await db.callLog.count({ where: { salonId: { in: [salon.id, noNumber.id] } } })).toBe(0);
  });

  it("places a signed call through the voice webhooks: the caller hears the greeting, then the hours; the call is logged and the step is done", async () => {
    const salon = await createSalon({
      twilioNumber: uniquePhone(),
      greeting: "Welcome to Shear Bliss!",
      businessHours: DEFAULT_BUSINESS_HOURS,
      subscriptionStatus: "TRIALING",
      timeZone: "America/Chicago",
    });
    const other = await createSalon({ twilioNumber: uniquePhone() });
    const now = new Date("2026-12-09T18:00:00Z");
    const call = await callOwnNumber(salon.id, { transport: routeTransport, now });

    expect(call.lines[0]).toEqual({ speaker: "bolt", text: "Welcome to Shear Bliss!" });
    expect(call.lines).toContainEqual({ speaker: "caller", text: "(presses 1)" });
    const afterKey = call.lines.slice(call.lines.findIndex((l) => l.speaker === "caller") + 1).map((l) => l.text).join(" ");
    expect(afterKey).toContain("Our hours are Tuesday to Saturday, 9 AM to 6 PM. We're closed Monday and Sunday.");

    const row = await db.callLog.findUniqueOrThrow({ where: { callSid: call.callSid } });
    expect(row).toMatchObject({ salonId: salon.id, from: SIMULATOR_CALLER, to: salon.twilioNumber, status: "COMPLETED", durationSeconds: 20 });
    expect(await db.callLog.count({ where: { salonId: other.id } })).toBe(0);
    expect((await getOnboardingChecklist(salon.id)).steps.find((s) => s.id === "test-call")).toEqual({ id: "test-call", done: true });
  });

  it("reads TwiML as a caller hears it", () => {
    const xml = '<Response><Gather action="https://bolt.example/api/webhooks/twilio/voice/gather?attempt=1&amp;step=2"><Say voice="alice">Curl Up &amp; Dye</Say></Gather><Say>Bye</Say><Hangup/></Response>';
    expect(spokenLines(xml)).toEqual(["Curl Up & Dye", "Bye"]);
    expect(gatherAction(xml)).toBe("/api/webhooks/twilio/voice/gather?attempt=1&step=2");
    expect(gatherAction("<Response><Hangup/></Response>")).toBeNull();
  });
});
