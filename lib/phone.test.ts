import { describe, expect, it } from "vitest";
import { formatCallerNumber, formatPhone, isWithheldNumber, normalizePhone } from "@/lib/phone";

describe("normalizePhone", () => {
  it.each([
    ["(415) 555-0123", "+14155550123"],
    ["415-555-0123", "+14155550123"],
    ["415.555.0123", "+14155550123"],
    ["4155550123", "+14155550123"],
    ["1 415 555 0123", "+14155550123"],
    ["+1 415 555 0123", "+14155550123"],
    ["+14155550123", "+14155550123"],
    ["  +1 (415) 555-0123  ", "+14155550123"],
    ["tel:+14155550123", "+14155550123"],
    ["+1 800 555 0199", "+18005550199"],
    ["+1 416 555 0123", "+14165550123"], // Canada shares +1
    ["+44 20 7946 0958", "+442079460958"],
    ["+61 2 9374 4000", "+61293744000"],
    ["+33 6 12 34 56 78", "+33612345678"],
  ])("%j → %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    ["020 7946 0958", "GB", "+442079460958"],
    ["(02) 9374 4000", "AU", "+61293744000"],
    ["06 12 34 56 78", "FR", "+33612345678"],
    ["+1 415 555 0123", "GB", "+14155550123"], // an explicit country code wins
  ] as const)("%j in %s → %s", (input, country, expected) => {
    expect(normalizePhone(input, country)).toBe(expected);
  });

  it.each([
    "",
    "   ",
    "abc",
    "555-0123", // too short
    "+1 123 456 7890", // area codes never start with 1
    "+1 415 155 0123", // nor exchanges
    "4155550123999",
    "020 7946 0958", // a UK number read as US
    "+1 (415) 555-0123 ext. 12", // can't text an extension
    "+".repeat(100),
    "1".repeat(65),
  ])("%j → null", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it("handles missing input", () => {
    expect(normalizePhone(null)).toBeNull();
    expect(normalizePhone(undefined)).toBeNull();
  });
});

describe("formatPhone", () => {
  it.each([
    ["+14155550123", "(415) 555-0123"],
    ["+18005550199", "(800) 555-0199"],
    ["+14165550123", "(416) 555-0123"],
    ["+442079460958", "+44 20 7946 0958"],
    ["+61293744000", "+61 2 9374 4000"],
    ["+33612345678", "+33 6 12 34 56 78"],
  ])("%s → %s", (e164, expected) => {
    expect(formatPhone(e164)).toBe(expected);
  });

  it.each(["garbage", "4155550123", "+1 123", "+11234567890", "anonymous", "client:alice"])("passes %j through", (value) => {
    expect(formatPhone(value)).toBe(value);
  });

  it("renders nothing for a missing number", () => {
    expect(formatPhone(null)).toBe("");
    expect(formatPhone(undefined)).toBe("");
    expect(formatPhone("")).toBe("");
  });

  it("round-trips with normalizePhone", () => {
    for (const e164 of ["+14155550123", "+442079460958", "+61293744000"]) {
      expect(normalizePhone(formatPhone(e164), "US")).toBe(e164);
    }
  });
});

describe("isWithheldNumber", () => {
  // Twilio's own values: the word, or its letters on a keypad (ANONYMOUS, RESTRICTED, UNKNOWN, UNAVAILABLE).
  it.each([
    ...["anonymous", "Anonymous", "RESTRICTED", "unknown", "unavailable"],
    ...["+266696687", "+7378742833", "+8656696", "+86282452253", "266696687"],
    ...["", "  ", null, undefined],
  ])("%j is withheld", (from) => {
    expect(isWithheldNumber(from)).toBe(true);
    // Nor can it be called or texted back (the call page's Call back button and the missed-call text).
    expect(normalizePhone(from)).toBeNull();
  });

  it.each(["+14155550123", "+442079460958", "client:alice", "+26669668", "anonymously"])("%j is not", (from) => {
    expect(isWithheldNumber(from)).toBe(false);
  });
});

describe("formatCallerNumber", () => {
  it("names a withheld number and formats the rest", () => {
    expect(formatCallerNumber("+266696687")).toBe("Withheld number");
    expect(formatCallerNumber("anonymous")).toBe("Withheld number");
    expect(formatCallerNumber("+14155550123")).toBe("(415) 555-0123");
  });
});
