// Number search, purchase, configuration and release through the real SDK client.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getTwilioClient } from "@/lib/telephony/twilio";
import { MAIN_ACCOUNT, SUB_ACCOUNT, startStandInForTests } from "@/lib/testing/twilio-sandbox";
import type { TwilioStandIn } from "./server";

let standIn: TwilioStandIn;

beforeAll(async () => {
  standIn = await startStandInForTests();
});
beforeEach(() => standIn.state.reset());
afterAll(() => standIn.close());

describe("AvailablePhoneNumbers/US/Local.json", () => {
  it("offers deterministic numbers in the requested area code", async () => {
    const found = await getTwilioClient()
      .availablePhoneNumbers("US")
      .local.list({ areaCode: 415, smsEnabled: true, voiceEnabled: true, limit: 3 });
    expect(found.map((n) => n.phoneNumber)).toEqual(["+14155550100", "+14155550101", "+14155550102"]);
    expect(found[0]).toMatchObject({
      friendlyName: "(415) 555-0100",
      locality: "San Francisco",
      region: "CA",
      postalCode: "94110",
      isoCountry: "US",
      lata: "722",
      addressRequirements: "none",
      capabilities: { voice: true, sms: true, mms: true },
    });
  });

  it("filters with Contains (digits, keypad letters, * wildcards)", async () => {
    const local = getTwilioClient().availablePhoneNumbers("US").local;
    expect((await local.list({ areaCode: 212, contains: "555015*" })).map((n) => n.phoneNumber)).toHaveLength(10);
    expect((await local.list({ areaCode: 212, contains: "0199" })).map((n) => n.phoneNumber)).toEqual(["+12125550199"]);
  });

  it("narrows by InPostalCode and InRegion, and finds nothing for a place it doesn't know", async () => {
    const local = getTwilioClient().availablePhoneNumbers("US").local;
    expect((await local.list({ inPostalCode: "94612", limit: 2 })).map((n) => n.phoneNumber)).toEqual(["+15105550100", "+15105550101"]);
    const inCalifornia = await local.list({ inRegion: "CA", limit: 300 });
    expect(new Set(inCalifornia.map((n) => n.region))).toEqual(new Set(["CA"]));
    expect(new Set(inCalifornia.map((n) => n.phoneNumber.slice(2, 5)))).toEqual(new Set(["310", "415", "510"]));
    expect(await local.list({ inPostalCode: "00000" })).toEqual([]);
    expect(await local.list({ areaCode: 415, inRegion: "TX" })).toEqual([]);
  });

  it("answers 404 for a country it has no numbers for", async () => {
    await expect(getTwilioClient().availablePhoneNumbers("ZZ").local.list({ limit: 1 })).rejects.toMatchObject({
      status: 404,
      code: 20404,
    });
  });
});

describe("IncomingPhoneNumbers", () => {
  it("buys, configures, lists, fetches and releases a number", async () => {
    const client = getTwilioClient();
    const bought = await client.incomingPhoneNumbers.create({
      phoneNumber: "+14155550100",
      friendlyName: "Luxe Hair Studio",
      voiceUrl: "https://bolt.example.com/api/webhooks/twilio/voice",
      voiceMethod: "POST",
      smsUrl: "https://bolt.example.com/api/webhooks/twilio/sms",
      smsMethod: "POST",
      statusCallback: "https://bolt.example.com/api/webhooks/twilio/voice/status",
    });
    expect(bought.sid).toMatch(/^PN[0-9a-f]{32}$/);
    expect(bought).toMatchObject({
      accountSid: MAIN_ACCOUNT.sid,
      phoneNumber: "+14155550100",
      friendlyName: "Luxe Hair Studio",
      smsUrl: "https://bolt.example.com/api/webhooks/twilio/sms",
      voiceUrl: "https://bolt.example.com/api/webhooks/twilio/voice",
      statusCallback: "https://bolt.example.com/api/webhooks/twilio/voice/status",
      capabilities: { voice: true, sms: true, mms: true, fax: false },
      status: "in-use",
      uri: `/2010-04-01/Accounts/${MAIN_ACCOUNT.sid}/IncomingPhoneNumbers/${bought.sid}.json`,
    });

    // A bought number is no longer for sale.
    const offered = await client.availablePhoneNumbers("US").local.list({ areaCode: 415, limit: 1 });
    expect(offered[0]?.phoneNumber).toBe("+14155550101");

    const updated = await client.incomingPhoneNumbers(bought.sid).update({ smsUrl: "https://bolt.example.com/sms2", smsMethod: "GET" });
    expect(updated).toMatchObject({ smsUrl: "https://bolt.example.com/sms2", smsMethod: "GET", voiceUrl: bought.voiceUrl });

    expect((await client.incomingPhoneNumbers(bought.sid).fetch()).smsUrl).toBe("https://bolt.example.com/sms2");
    expect((await client.incomingPhoneNumbers.list({ phoneNumber: "+14155550100" })).map((n) => n.sid)).toEqual([bought.sid]);

    expect(await client.incomingPhoneNumbers(bought.sid).remove()).toBe(true);
    expect(standIn.state.numbers).toHaveLength(0);
    await expect(client.incomingPhoneNumbers(bought.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it("answers unset URLs and applications as null, never \"\" (the spec's uri and ^AP… patterns), and clears a URL sent empty", async () => {
    const client = getTwilioClient();
    const bought = await client.incomingPhoneNumbers.create({ phoneNumber: "+14155550100", smsUrl: "https://bolt.example.com/sms" });
    expect(bought).toMatchObject({
      smsUrl: "https://bolt.example.com/sms",
      smsFallbackUrl: null,
      statusCallback: null,
      voiceUrl: null,
      voiceFallbackUrl: null,
      smsApplicationSid: null,
      voiceApplicationSid: null,
    });
    expect((await client.incomingPhoneNumbers(bought.sid).update({ smsUrl: "" })).smsUrl).toBeNull();
  });

  it("buys the first free number in an area code", async () => {
    const client = getTwilioClient();
    const first = await client.incomingPhoneNumbers.create({ areaCode: "512" });
    const second = await client.incomingPhoneNumbers.create({ areaCode: "512" });
    expect([first.phoneNumber, second.phoneNumber]).toEqual(["+15125550100", "+15125550101"]);
  });

  it("refuses a number someone already owns, an invalid one and a bad webhook URL", async () => {
    const client = getTwilioClient();
    await client.incomingPhoneNumbers.create({ phoneNumber: "+14155550100" });
    await expect(client.incomingPhoneNumbers.create({ phoneNumber: "+14155550100" })).rejects.toMatchObject({ status: 400, code: 21422 });
    await expect(client.incomingPhoneNumbers.create({ phoneNumber: "12" })).rejects.toMatchObject({ status: 400, code: 21421 });
    await expect(client.incomingPhoneNumbers.create({ phoneNumber: "+14155550101", smsUrl: "not a url" })).rejects.toMatchObject({
      status: 400,
      code: 21502,
    });
    expect(standIn.state.numbers.map((n) => n.phoneNumber)).toEqual(["+14155550100"]);
  });

  it("lets the parent act on its subaccount's numbers, but not the other way round", async () => {
    const asSub = getTwilioClient({ accountSid: SUB_ACCOUNT.sid }); // main credentials, subaccount path
    const bought = await asSub.incomingPhoneNumbers.create({ phoneNumber: "+14155550150" });
    expect(bought.accountSid).toBe(SUB_ACCOUNT.sid);
    expect(await getTwilioClient().incomingPhoneNumbers.list()).toEqual([]);

    const subOwnCredentials = getTwilioClient({ accountSid: SUB_ACCOUNT.sid, authToken: SUB_ACCOUNT.authToken });
    expect((await subOwnCredentials.incomingPhoneNumbers.list()).map((n) => n.sid)).toEqual([bought.sid]);
    const subActingOnParent = getTwilioClient({ accountSid: SUB_ACCOUNT.sid, authToken: SUB_ACCOUNT.authToken });
    await expect(subActingOnParent.api.v2010.accounts(MAIN_ACCOUNT.sid).incomingPhoneNumbers.list()).rejects.toMatchObject({
      status: 401,
      code: 20003,
    });
  });

  it("can fail the next purchase for retry tests", async () => {
    standIn.state.failNextRequests(1, 500, { route: "numbers" });
    await expect(getTwilioClient().incomingPhoneNumbers.create({ areaCode: "415" })).rejects.toMatchObject({ status: 500 });
    await expect(getTwilioClient().incomingPhoneNumbers.create({ areaCode: "415" })).resolves.toMatchObject({ phoneNumber: "+14155550100" });
  });
});
