import { describe, expect, it } from "vitest";
import { describeTwilioError, isPermanentTwilioError } from "@/lib/telephony/error-codes";

describe("describeTwilioError", () => {
  it.each([
    [21610, /replied STOP/],
    [21211, /isn't valid/],
    [21614, /isn't a mobile number/],
    [30003, /couldn't be reached/],
    [30004, /blocked/],
    [30005, /no longer in service/],
    [30006, /landline/],
    [30007, /spam/],
    [30008, /unknown error/],
    [30034, /10DLC/],
    [20429, /Too many/],
    [429, /Too many/],
  ])("%s → %s", (code, pattern) => {
    expect(describeTwilioError(code)).toMatch(pattern);
    expect(describeTwilioError(String(code))).toBe(describeTwilioError(code)); // status callbacks send strings
  });

  it.each([
    [12345, "Delivery failed (error 12345)."],
    ["99999", "Delivery failed (error 99999)."],
    [" 30007 ", "The carrier filtered the message as possible spam."],
    ["ETIMEDOUT", "Delivery failed (error ETIMEDOUT)."],
    [null, "Delivery failed."],
    [undefined, "Delivery failed."],
    ["", "Delivery failed."],
  ])("%j → %s", (code, expected) => {
    expect(describeTwilioError(code)).toBe(expected);
  });

  it("writes whole sentences", () => {
    for (const code of [21610, 21211, 21614, 30003, 30004, 30005, 30006, 30007, 30008, 30034, 20429, 1]) {
      expect(describeTwilioError(code)).toMatch(/^[A-Z].*\.$/);
    }
  });
});

describe("isPermanentTwilioError", () => {
  it.each([
    // [input, permanent?]
    [400, true],
    [401, true],
    [403, true],
    [404, true],
    [422, true],
    [408, false], // request timeout
    [429, false],
    [500, false],
    [502, false],
    [503, false],
    [21211, true],
    [21610, true],
    [21614, true],
    [30003, true],
    [30005, true],
    [30006, true],
    [30007, true],
    [30034, true],
    [20429, false],
    [20500, false],
    [20503, false],
    [30001, false],
    [30008, false],
    ["21610", true],
    ["20429", false],
    ["ETIMEDOUT", false],
    ["econnreset", false],
    [null, false],
    [undefined, false],
    [{ code: 21211, status: 400 }, true],
    [{ code: 20429, status: 429 }, false],
    [{ code: 20500, status: 500 }, false],
    [{ status: 503 }, false],
    [{ status: 400 }, true],
    [{ status: 429 }, false],
    [{ code: "ETIMEDOUT" }, false],
    [{ code: null, status: null }, false],
    [{}, false],
  ])("%j → %s", (input, permanent) => {
    expect(isPermanentTwilioError(input)).toBe(permanent);
  });
});
