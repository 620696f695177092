import { describe, expect, it } from "vitest";
import { countSegments, GSM_BASIC_CHARS, GSM_EXTENSION_CHARS, nonGsmCharacters } from "@/lib/messaging/segments";

describe("GSM 03.38 tables", () => {
  it("has the 127 basic characters (128 minus the escape) and 10 extension characters", () => {
    expect(GSM_BASIC_CHARS.size).toBe(127);
    expect(GSM_EXTENSION_CHARS.size).toBe(10);
    expect([...GSM_EXTENSION_CHARS].some((c) => GSM_BASIC_CHARS.has(c))).toBe(false);
  });

  it.each(["@", "£", "$", "¥", "è", "é", "ù", "ì", "ò", "Ç", "Ø", "ø", "Å", "å", "Δ", "_", "Φ", "Γ", "Λ", "Ω", "Π", "Ψ", "Σ", "Θ", "Ξ", "Æ", "æ", "ß", "É", "¤", "¡", "Ä", "Ö", "Ñ", "Ü", "§", "¿", "ä", "ö", "ñ", "ü", "à", "\n", "\r", " "])(
    "%j is basic GSM",
    (ch) => expect(GSM_BASIC_CHARS.has(ch)).toBe(true),
  );

  it.each(["`", "ç", "á", "í", "ó", "ú", "â", "ê", "\t", "’", "“", "”", "…", "–", "😀", "中", "\u00a0"])("%j is not GSM", (ch) => {
    expect(GSM_BASIC_CHARS.has(ch) || GSM_EXTENSION_CHARS.has(ch)).toBe(false);
  });
});

describe("countSegments", () => {
  const a = (n: number) => "a".repeat(n);
  it.each([
    // [label, body, encoding, segments, characters, perSegment, remaining]
    ["empty", "", "GSM-7", 0, 0, 160, 160],
    ["one char", "a", "GSM-7", 1, 1, 160, 159],
    ["160 GSM", a(160), "GSM-7", 1, 160, 160, 0],
    ["161 GSM", a(161), "GSM-7", 2, 161, 153, 145],
    ["306 GSM", a(306), "GSM-7", 2, 306, 153, 0],
    ["307 GSM", a(307), "GSM-7", 3, 307, 153, 152],
    ["459 GSM", a(459), "GSM-7", 3, 459, 153, 0],
    ["extension chars count 2", "€", "GSM-7", 1, 2, 160, 158],
    ["all extension chars", "\f^{}\\[~]|€", "GSM-7", 1, 20, 160, 140],
    ["80 euros = 160 septets", "€".repeat(80), "GSM-7", 1, 160, 160, 0],
    ["159 + one extension char overflows", `${a(159)}€`, "GSM-7", 2, 161, 153, 145],
    // 152 septets then an escape pair: the pair can't straddle segments, so segment 1 holds 152.
    ["escape pair not split", `${a(152)}€${a(10)}`, "GSM-7", 2, 164, 153, 141],
    ["one accent outside GSM (í) forces UCS-2", "Café ¿sí?", "UCS-2", 1, 9, 70, 61],
    ["GSM accents only", "Müller à è é ù ì ò Ø Å Æ ß ñ", "GSM-7", 1, 28, 160, 132],
    ["one emoji forces UCS-2", "Hi 😀", "UCS-2", 1, 5, 70, 65],
    ["70 UCS-2", `${"中".repeat(70)}`, "UCS-2", 1, 70, 70, 0],
    ["71 UCS-2", `${"中".repeat(71)}`, "UCS-2", 2, 71, 67, 63],
    ["134 UCS-2", `${"中".repeat(134)}`, "UCS-2", 2, 134, 67, 0],
    ["35 emoji = 70 code units", "😀".repeat(35), "UCS-2", 1, 70, 70, 0],
    // 66 code units then a surrogate pair: the pair moves whole to segment 2.
    ["surrogate pair not split", `${"中".repeat(66)}😀${"中".repeat(3)}`, "UCS-2", 2, 71, 67, 62],
    ["smart quote forces UCS-2", "Don’t forget", "UCS-2", 1, 12, 70, 58],
    ["newlines are GSM", "Line 1\nLine 2\r\n", "GSM-7", 1, 15, 160, 145],
  ])("%s", (_label, body, encoding, segments, characters, perSegment, remaining) => {
    expect(countSegments(body)).toEqual({ encoding, segments, characters, perSegment, remainingInSegment: remaining });
  });

  it("counts a realistic reminder", () => {
    const body = "Luxe Hair Studio: Reminder: your appointment is tomorrow at 10:00 AM. Reply C to confirm or R to reschedule.\nReply STOP to opt out.";
    expect(countSegments(body)).toMatchObject({ encoding: "GSM-7", segments: 1, characters: body.length });
  });
});

describe("nonGsmCharacters", () => {
  it("lists what forces UCS-2, once each", () => {
    expect(nonGsmCharacters("Hi 😀 “there” 😀 ç")).toEqual(["😀", "“", "”", "ç"]);
    expect(nonGsmCharacters("Plain {text} €5")).toEqual([]);
  });
});
