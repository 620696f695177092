import { describe, expect, it } from "vitest";
import { z } from "zod";
import { e164PhoneSchema, PHONE_ERROR } from "@/lib/validations/phone";

describe("e164PhoneSchema", () => {
  it.each([
    ["(415) 555-0123", "+14155550123"],
    [" 415.555.0123 ", "+14155550123"],
    ["+44 20 7946 0958", "+442079460958"],
  ])("%j → %s", (input, expected) => {
    expect(e164PhoneSchema.parse(input)).toBe(expected);
  });

  it.each(["", "abc", "555-0123", "+1 123 456 7890", 4155550123, null, undefined, {}])("rejects %j with the friendly message", (input) => {
    const result = e164PhoneSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([PHONE_ERROR]);
  });

  it("uses the documented message", () => {
    expect(PHONE_ERROR).toBe("Enter a valid phone number, e.g. +1 415 555 0123");
  });

  it("reports the field path inside an object", () => {
    const result = z.object({ phone: e164PhoneSchema }).safeParse({ phone: "nope" });
    expect(result.error?.issues[0]).toMatchObject({ path: ["phone"], message: PHONE_ERROR });
  });
});
