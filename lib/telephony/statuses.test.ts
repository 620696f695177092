// Twilio's status words as Bolt's values: every value Twilio documents has a home, anything else is
// "don't know" rather than a guess.
import { describe, expect, it } from "vitest";
import { mapDialCallStatus, mapTwilioCallStatus, mapTwilioMessageStatus } from "@/lib/telephony/statuses";

describe("mapTwilioCallStatus", () => {
  it.each([
    ["queued", "QUEUED"],
    ["initiated", "QUEUED"],
    ["ringing", "RINGING"],
    ["in-progress", "IN_PROGRESS"],
    ["answered", "IN_PROGRESS"],
    ["completed", "COMPLETED"],
    ["busy", "BUSY"],
    ["no-answer", "NO_ANSWER"],
    ["failed", "FAILED"],
    ["canceled", "CANCELED"],
  ])("reads %s as %s", (twilio, bolt) => expect(mapTwilioCallStatus(twilio)).toBe(bolt));

  it("ignores what it doesn't know (and an inherited property name)", () => {
    expect(mapTwilioCallStatus("paused")).toBeNull();
    expect(mapTwilioCallStatus("toString")).toBeNull();
    expect(mapTwilioCallStatus(undefined)).toBeNull();
  });
});

describe("mapDialCallStatus", () => {
  it.each([
    ["completed", "PICKED_UP"],
    ["answered", "PICKED_UP"],
    ["no-answer", "NO_ANSWER"],
    ["busy", "BUSY"],
    ["failed", "FAILED"],
    ["canceled", "CANCELED"],
  ])("reads %s as %s", (twilio, bolt) => expect(mapDialCallStatus(twilio)).toBe(bolt));

  it("is UNKNOWN when Twilio sent none or one Bolt doesn't know", () => {
    expect(mapDialCallStatus(undefined)).toBe("UNKNOWN");
    expect(mapDialCallStatus("ringing")).toBe("UNKNOWN");
  });
});

describe("mapTwilioMessageStatus", () => {
  it.each([
    ["accepted", "SENDING"],
    ["scheduled", "SENDING"],
    ["queued", "SENDING"],
    ["sending", "SENDING"],
    ["sent", "SENT"],
    ["delivered", "DELIVERED"],
    ["read", "DELIVERED"],
    ["undelivered", "UNDELIVERED"],
    ["failed", "FAILED"],
    ["canceled", "CANCELED"],
  ])("reads %s as %s", (twilio, bolt) => expect(mapTwilioMessageStatus(twilio)).toBe(bolt));

  it("ignores what it doesn't know", () => {
    expect(mapTwilioMessageStatus("receiving")).toBeNull();
    expect(mapTwilioMessageStatus(undefined)).toBeNull();
  });
});
