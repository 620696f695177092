// One SID rule for every Twilio webhook field: the prefix and 32 hex digits, as Twilio's spec has it.
import { describe, expect, it } from "vitest";
import { twilioSid } from "@/lib/telephony/params/fields";

describe("twilioSid", () => {
  const call = twilioSid("CA");
  const message = twilioSid("SM", "MM");

  it("takes the prefix and 32 hex digits, in either case", () => {
    expect(call.safeParse(`CA${"a1".repeat(16)}`).success).toBe(true);
    expect(call.safeParse(`CA${"F0".repeat(16)}`).success).toBe(true);
    expect(message.safeParse(`MM${"0".repeat(32)}`).success).toBe(true);
  });

  it("refuses another prefix, a non-hex digit or the wrong length", () => {
    expect(call.safeParse(`SM${"0".repeat(32)}`).success).toBe(false);
    expect(call.safeParse(`CA${"z".repeat(32)}`).success).toBe(false);
    expect(call.safeParse(`CA${"0".repeat(31)}`).success).toBe(false);
    expect(message.safeParse(`SM${"0".repeat(33)}`).success).toBe(false);
  });
});
