import { describe, expect, it } from "vitest";
import { parseInboundKeyword } from "@/lib/messaging/keywords";

describe("parseInboundKeyword", () => {
  it.each([
    ["STOP", "STOP"],
    ["stop", "STOP"],
    [" Stop ", "STOP"],
    ["STOP.", "STOP"],
    ["stop!!!", "STOP"],
    ["Stop !", "STOP"],
    ["STOPALL", "STOP"],
    ["stop all", "STOP"],
    ["Unsubscribe", "STOP"],
    ["cancel", "STOP"],
    ["END", "STOP"],
    ["quit.", "STOP"],
    ["ＳＴＯＰ", "STOP"], // full-width
    ["START", "START"],
    ["start", "START"],
    ["YES", "START"], // per the spec: YES is the opt-in keyword…
    ["yes!", "START"],
    ["unstop", "START"],
    ["HELP", "HELP"],
    ["help?", "HELP"],
    ["info", "HELP"],
    ["C", "CONFIRM"],
    ["c", "CONFIRM"],
    ["Y", "CONFIRM"], // …while the single letter Y confirms.
    ["y.", "CONFIRM"],
    ["Confirm", "CONFIRM"],
    ["CONFIRM!", "CONFIRM"],
    ["R", "RESCHEDULE"],
    ["r", "RESCHEDULE"],
    ["Reschedule", "RESCHEDULE"],
    ["\n\tR\n", "RESCHEDULE"],
  ])("%j → %s", (body, expected) => {
    expect(parseInboundKeyword(body)).toBe(expected);
  });

  it.each([
    "",
    "   ",
    ".",
    "please stop",
    "stop texting me please",
    "don't stop",
    "yes please",
    "Yeah",
    "confirmed",
    "N",
    "NO",
    "help me reschedule",
    "STOP STOP",
    "C R",
    "stopp",
    "constructor",
    "__proto__",
    "TOSTRING",
    "stop".repeat(20),
  ])("%j → null (only a whole-message keyword counts)", (body) => {
    expect(parseInboundKeyword(body)).toBeNull();
  });

  it("handles missing bodies", () => {
    expect(parseInboundKeyword(null)).toBeNull();
    expect(parseInboundKeyword(undefined)).toBeNull();
  });
});
