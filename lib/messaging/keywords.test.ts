import { describe, expect, it } from "vitest";
import { keywordLanguage, parseInboundKeyword } from "@/lib/messaging/keywords";

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
    ["revoke", "STOP"],
    ["OPTOUT", "STOP"],
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
    ["ALTO", "STOP"],
    ["¡Alto!", "STOP"],
    ["parar", "STOP"],
    ["Detener.", "STOP"],
    ["CANCELAR", "STOP"], // a bare CANCELAR is an opt-out word, as CANCEL is…
    ["Sí", "START"], // …and SÍ opts in, as YES does
    ["si", "START"],
    ["AYUDA", "HELP"],
    ["ayuda?", "HELP"],
    ["Confirmar", "CONFIRM"],
    ["reprogramar", "RESCHEDULE"],
  ])("Spanish %j → %s, and the message is Spanish", (body, expected) => {
    expect(parseInboundKeyword(body)).toBe(expected);
    expect(keywordLanguage(body)).toBe("es");
  });

  it.each(["STOP", "C", "R", "yes", "cancelar mi cita", "alto ahí, quiero mover mi cita"])("%j is not a Spanish keyword", (body) => {
    expect(keywordLanguage(body)).toBeNull();
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
