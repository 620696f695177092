// A salon on a Twilio subaccount: its webhooks are signed with the subaccount's token, which Bolt
// fetches through the main account; the main account's token or an unknown sid do not pass.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSalon, uniquePhone } from "@/lib/testing/factories";
import type { TwilioStandIn } from "@/lib/telephony/standin";
import { MAIN_ACCOUNT, OTHER_ACCOUNT, startStandInForTests, SUB_ACCOUNT } from "@/lib/telephony/standin/test-support";
import { clearSubaccountTokenCache, getSubaccountToken } from "@/lib/telephony/subaccount-tokens";
import { callParams, newCallSid, postVoice } from "@/lib/telephony/webhooks/voice-test-kit";

let standIn: TwilioStandIn;
let salon: { id: string; twilioNumber: string | null };

beforeAll(async () => {
  standIn = await startStandInForTests();
  salon = await createSalon({ twilioNumber: uniquePhone(), twilioAccountSid: SUB_ACCOUNT.sid });
});
afterAll(() => standIn.close());

describe("subaccount webhook tokens", () => {
  it("fetches the token of a subaccount a salon uses, and nothing for other sids", async () => {
    clearSubaccountTokenCache();
    expect(await getSubaccountToken(SUB_ACCOUNT.sid)).toBe(SUB_ACCOUNT.authToken);
    expect(await getSubaccountToken(OTHER_ACCOUNT.sid)).toBeNull();
  });

  it("accepts a call signed with the subaccount's token and rejects the main account's", async () => {
    const params = { ...callParams({ callSid: newCallSid(), from: uniquePhone(), to: salon.twilioNumber ?? "" }), AccountSid: SUB_ACCOUNT.sid };
    const ok = await postVoice("/api/webhooks/twilio/voice", params, { token: SUB_ACCOUNT.authToken });
    expect(ok.status).toBe(200);

    const forged = { ...params, CallSid: newCallSid() };
    const denied = await postVoice("/api/webhooks/twilio/voice", forged, { token: MAIN_ACCOUNT.authToken });
    expect(denied.status).toBe(403);
    expect(await db.callLog.count({ where: { callSid: forged.CallSid } })).toBe(0);
    expect(await db.callLog.count({ where: { callSid: params.CallSid, salonId: salon.id } })).toBe(1);
  });
});
