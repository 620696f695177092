// Transfers to the salon's phone with call screening: whoever picks up hears who is calling and must
// press 1; only then is the call "answered by staff". A phone's own voicemail picking up (a completed
// dial nobody took) sends the caller to Bolt's voicemail. Everything through the signed routes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomer, createSalon, uniquePhone } from "@/lib/testing/factories";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { MAIN_ACCOUNT, startStandInForTests, SUB_ACCOUNT } from "@/lib/testing/twilio-sandbox";
import { buildWebhookUrl } from "@/lib/telephony/signature";
import {
  ALWAYS_OPEN,
  callEventsOf,
  newCallSid,
  postGather,
  postVoice,
  ringVoice,
  screenParams,
  type CallParams,
  callRow,
} from "@/lib/testing/voice-test-kit";

const SCREEN = "/api/webhooks/twilio/voice/screen";
const SCREEN_RESULT = "/api/webhooks/twilio/voice/screen-result";
const DIAL_RESULT = "/api/webhooks/twilio/voice/dial-result";

let standIn: TwilioStandIn;
let salon: { id: string; name: string; twilioNumber: string | null; forwardingPhone: string | null };
let staff: string;

beforeAll(async () => {
  standIn = await startStandInForTests();
  staff = uniquePhone();
  salon = await createSalon({ name: "Luxe Hair", twilioNumber: uniquePhone(), forwardingPhone: staff, businessHours: ALWAYS_OPEN });
});
afterAll(() => standIn.close());

const xmlOf = async (res: Response) => {
  expect(res.status).toBe(200);
  return res.text();
};

/** A caller who asked for a person: Bolt is dialling the salon's phone. */
async function transferring(from = uniquePhone()): Promise<CallParams> {
  const call = await ringVoice(salon.twilioNumber!, { from });
  expect(await postGather(call, { Digits: "5" })).toContain("</Number></Dial>");
  return call;
}

const dialEnded = (call: CallParams, DialCallStatus: string, DialCallDuration = "0", DialCallSid = newCallSid()) =>
  postVoice(DIAL_RESULT, { ...call, DialCallStatus, DialCallDuration, DialCallSid });

describe("the screening played to whoever picks up", () => {
  it("names the salon and the caller's number digit by digit, waits 6 s for a 1, then hangs up; writes nothing", async () => {
    const call = await transferring("+14155550142");
    const before = await callEventsOf(call.CallSid);
    const xml = await xmlOf(await postVoice(SCREEN, screenParams(call, staff)));
    expect(xml).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><Response>` +
        `<Gather input="dtmf" numDigits="1" timeout="6" action="${buildWebhookUrl(SCREEN_RESULT)}" method="POST">` +
        `<Say>Call for Luxe Hair from 4 1 5, 5 5 5, 0 1 4 2. Press 1 to take it.</Say></Gather><Hangup/></Response>`,
    );
    expect(await callEventsOf(call.CallSid)).toEqual(before);
    expect((await callRow(call.CallSid)).answeredAt).toBeNull();
  });

  it("names a known customer, and a withheld number as such", async () => {
    const from = uniquePhone();
    await createCustomer(salon.id, { phone: from, name: "Dana Whitfield" });
    expect(await xmlOf(await postVoice(SCREEN, screenParams(await transferring(from), staff)))).toContain("from Dana Whitfield.");
    expect(await xmlOf(await postVoice(SCREEN, screenParams(await transferring("anonymous"), staff)))).toContain("from a withheld number.");
  });

  it("hangs up on a screening for a call it doesn't know", async () => {
    const stranger = await ringVoice(salon.twilioNumber!);
    const xml = await xmlOf(await postVoice(SCREEN, { ...screenParams(stranger, staff), ParentCallSid: newCallSid() }));
    expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>`);
  });
});

describe("pressing 1", () => {
  it("connects, and notes on the caller's call that staff took it, once under retries and duplicates", async () => {
    const call = await transferring();
    const accept = screenParams(call, staff, "1");
    expect(await xmlOf(await postVoice(SCREEN_RESULT, accept))).toBe(`<?xml version="1.0" encoding="UTF-8"?><Response/>`);
    const first = await callRow(call.CallSid);
    expect(first).toMatchObject({ forwardedTo: staff, reason: "TRANSFER", answeredAt: expect.any(Date) });
    await Promise.all([1, 2, 3].map(() => postVoice(SCREEN_RESULT, accept)));
    expect((await callRow(call.CallSid)).answeredAt).toEqual(first.answeredAt);

    const xml = await xmlOf(await dialEnded(call, "completed", "95"));
    expect(xml).toContain("Thanks for calling Luxe Hair. Goodbye.");
    expect(xml).not.toContain("<Record");
    expect((await callEventsOf(call.CallSid)).map((e) => [e.kind, e.detail])).toEqual([
      ["HEARD", { digits: "5", intent: "TRANSFER" }],
      ["TRANSFER_STARTED", { to: staff, timeoutSeconds: 15 }],
      ["TRANSFER_ACCEPTED", { to: staff }],
      ["TRANSFER_ENDED", { to: staff, result: "PICKED_UP", seconds: 95, accepted: true }],
    ]);
  });

  it.each([["2"], ["*"], [""]])("does not take the call on %j: hangs up and writes nothing", async (digits) => {
    const call = await transferring();
    const before = await callEventsOf(call.CallSid);
    expect(await xmlOf(await postVoice(SCREEN_RESULT, screenParams(call, staff, digits)))).toContain("<Hangup/>");
    expect((await callRow(call.CallSid)).answeredAt).toBeNull();
    expect(await callEventsOf(call.CallSid)).toEqual(before);
  });
});

describe("the dial's end", () => {
  it("sends the caller to voicemail when the phone picked up but nobody took the call (its own voicemail)", async () => {
    const call = await transferring();
    await postVoice(SCREEN, screenParams(call, staff));
    const xml = await xmlOf(await dialEnded(call, "completed", "9"));
    expect(xml).toContain("Sorry, nobody could get to the phone.");
    expect(xml).toContain('<Record maxLength="120"');
    expect(await callRow(call.CallSid)).toMatchObject({ answeredAt: null, forwardedTo: null });
    expect((await callEventsOf(call.CallSid)).slice(-2).map((e) => [e.kind, e.detail])).toEqual([
      ["TRANSFER_ENDED", { to: staff, result: "PICKED_UP", seconds: 9, accepted: false }],
      ["VOICEMAIL_STARTED", { why: "not-taken" }],
    ]);
  });

  it.each(["no-answer", "busy", "failed", "canceled"])("sends the caller to voicemail when the dial ended %s", async (dialStatus) => {
    const call = await transferring();
    const xml = await xmlOf(await dialEnded(call, dialStatus));
    expect(xml).toContain("Sorry, nobody could get to the phone.");
    expect((await callRow(call.CallSid)).answeredAt).toBeNull();
    expect((await callEventsOf(call.CallSid)).at(-1)?.detail).toEqual({ why: "no-answer" });
  });
});

describe("accounts and salons", () => {
  it("verifies a subaccount salon's screening with the subaccount's token, and refuses the main account's", async () => {
    const sub = await createSalon({ twilioNumber: uniquePhone(), twilioAccountSid: SUB_ACCOUNT.sid, forwardingPhone: uniquePhone(), businessHours: ALWAYS_OPEN });
    const call = await ringVoice(sub.twilioNumber!, { accountSid: SUB_ACCOUNT.sid, token: SUB_ACCOUNT.authToken });
    const accept = screenParams(call, sub.forwardingPhone!, "1");
    const forged = await postVoice(SCREEN_RESULT, accept, { token: MAIN_ACCOUNT.authToken });
    expect(forged.status).toBe(403);
    expect((await callRow(call.CallSid)).answeredAt).toBeNull();
    expect(await xmlOf(await postVoice(SCREEN, screenParams(call, sub.forwardingPhone!), { token: SUB_ACCOUNT.authToken }))).toContain("Press 1");
    expect(await xmlOf(await postVoice(SCREEN_RESULT, accept, { token: SUB_ACCOUNT.authToken }))).toContain("<Response/>");
    expect((await callRow(call.CallSid)).answeredAt).toBeInstanceOf(Date);
  });

  it("another account's genuine screening naming this salon's call hears nothing about it and changes nothing", async () => {
    await createSalon({ twilioNumber: uniquePhone(), twilioAccountSid: SUB_ACCOUNT.sid });
    const call = await transferring();
    const asOther = { ...screenParams(call, staff, "1"), AccountSid: SUB_ACCOUNT.sid };
    const whisper = await xmlOf(await postVoice(SCREEN, asOther, { token: SUB_ACCOUNT.authToken }));
    expect(whisper).not.toContain("Luxe Hair");
    expect(await xmlOf(await postVoice(SCREEN_RESULT, asOther, { token: SUB_ACCOUNT.authToken }))).toContain("<Hangup/>");
    expect((await callRow(call.CallSid)).answeredAt).toBeNull();
    expect((await callEventsOf(call.CallSid)).map((e) => e.kind)).not.toContain("TRANSFER_ACCEPTED");
  });
});
