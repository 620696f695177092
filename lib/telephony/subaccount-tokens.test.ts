// A salon on a Twilio subaccount: its webhooks are signed with the subaccount's token, which Bolt
// fetches through the main account; the main account's token or an unknown sid do not pass.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { reloadEnv } from "@/lib/env";
import { createSalon, uniquePhone } from "@/lib/testing/factories";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { MAIN_ACCOUNT, OTHER_ACCOUNT, pointEnvAt, startStandInForTests, SUB_ACCOUNT, unusedPort } from "@/lib/testing/twilio-sandbox";
import {
  clearSubaccountTokenCache,
  countCachedSubaccountTokens,
  getSubaccountToken,
  MAX_CACHED_UNKNOWN_SIDS,
} from "@/lib/telephony/subaccount-tokens";
import { callParams, newCallSid, postVoice } from "@/lib/testing/voice-test-kit";

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

describe("subaccount token cache", () => {
  it("refuses a malformed AccountSid before any lookup, even one a salon row and Twilio both know", async () => {
    // Upper-case hex: Twilio never issues it, so it can only be made up.
    const odd = { sid: `AC${randomBytes(16).toString("hex").toUpperCase()}`, authToken: "odd-token-0123456789abcdef", parentSid: MAIN_ACCOUNT.sid };
    standIn.state.addAccount(odd);
    await createSalon({ twilioAccountSid: odd.sid });
    clearSubaccountTokenCache();
    for (const sid of [odd.sid, "AC123", `${SUB_ACCOUNT.sid}x`, ` ${SUB_ACCOUNT.sid}`, ""]) expect(await getSubaccountToken(sid)).toBeNull();
    expect(countCachedSubaccountTokens()).toEqual({ tokens: 0, unknownSids: 0 });
  });

  it("keeps at most MAX_CACHED_UNKNOWN_SIDS made-up sids, and they never push out a salon's token", async () => {
    clearSubaccountTokenCache();
    expect(await getSubaccountToken(SUB_ACCOUNT.sid)).toBe(SUB_ACCOUNT.authToken);
    for (let i = 0; i < 2_000; i++) await getSubaccountToken(`AC${randomBytes(16).toString("hex")}`);
    expect(countCachedSubaccountTokens()).toEqual({ tokens: 1, unknownSids: MAX_CACHED_UNKNOWN_SIDS });
    // Twilio unreachable: the salon's token can only come from the cache, not a refetch.
    vi.stubEnv("TWILIO_API_BASE_URL", `http://127.0.0.1:${await unusedPort()}`);
    reloadEnv();
    try {
      expect(await getSubaccountToken(SUB_ACCOUNT.sid)).toBe(SUB_ACCOUNT.authToken);
    } finally {
      pointEnvAt(standIn);
    }
  });

  it("asks Twilio once for a cold sid however many webhooks need it at the same moment", async () => {
    // The stand-in reads the subaccount for each Accounts fetch it serves: a count of Twilio's work.
    const reads = vi.spyOn(standIn.state, "findAccount");
    const subReads = () => reads.mock.calls.filter(([sid]) => sid === SUB_ACCOUNT.sid).length;
    try {
      clearSubaccountTokenCache();
      expect(await getSubaccountToken(SUB_ACCOUNT.sid)).toBe(SUB_ACCOUNT.authToken);
      const perFetch = subReads();
      expect(perFetch).toBeGreaterThan(0);
      clearSubaccountTokenCache();
      const burst = await Promise.all(Array.from({ length: 5 }, () => getSubaccountToken(SUB_ACCOUNT.sid)));
      expect(burst).toEqual(Array(5).fill(SUB_ACCOUNT.authToken));
      expect(subReads()).toBe(2 * perFetch);
    } finally {
      reads.mockRestore();
    }
  });

  it("does not cache a failed fetch: the next call after a Twilio blip gets the token", async () => {
    clearSubaccountTokenCache();
    vi.stubEnv("TWILIO_API_BASE_URL", `http://127.0.0.1:${await unusedPort()}`);
    reloadEnv();
    try {
      expect(await getSubaccountToken(SUB_ACCOUNT.sid)).toBeNull();
    } finally {
      pointEnvAt(standIn);
    }
    expect(await getSubaccountToken(SUB_ACCOUNT.sid)).toBe(SUB_ACCOUNT.authToken);
  });
});
