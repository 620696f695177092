// How many SMS segments a body takes, the way carriers count it: GSM-7 fits 160 characters in one
// segment and 153 per part when concatenated; anything outside GSM-7 goes UCS-2 at 70 / 67.
const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
// Extension-table characters cost two septets (an escape plus the character).
const GSM7_EXTENDED = "^{}\\[~]|€\f";

const basic = new Set(GSM7_BASIC);
const extended = new Set(GSM7_EXTENDED);

export type SegmentCount = { encoding: "GSM-7" | "UCS-2"; units: number; segments: number };

export function countSegments(body: string): SegmentCount {
  let septets = 0;
  for (const ch of body) {
    if (basic.has(ch)) septets += 1;
    else if (extended.has(ch)) septets += 2;
    else {
      // UCS-2 counts UTF-16 code units, so an emoji takes two.
      const units = body.length;
      return { encoding: "UCS-2", units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
    }
  }
  return { encoding: "GSM-7", units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}
