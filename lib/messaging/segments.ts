// How many SMS segments a text costs, as carriers count them: GSM 03.38 7-bit when every character is
// in the GSM basic set or its extension table (extension characters take an escape plus the
// character, 2 septets), otherwise UCS-2 counted in UTF-16 code units. Pure, so the compose box
// in the browser shows the same count the sender bills. No node imports.

export type SmsEncoding = "GSM-7" | "UCS-2";

export type SegmentCount = {
  encoding: SmsEncoding;
  segments: number;
  /** Length in the unit segments are measured in: septets (GSM-7) or UTF-16 code units (UCS-2). */
  characters: number;
  /** Capacity of each segment at this length: 160/153 (GSM-7) or 70/67 (UCS-2). */
  perSegment: number;
  /** Units left before the text needs another segment. */
  remainingInSegment: number;
};

// GSM 03.38 basic character set, positions 0x00–0x7F, minus 0x1B (the escape to the extension table).
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
// The extension table: form feed ^ { } \ [ ~ ] | €.
const GSM_EXTENSION = "\f^{}\\[~]|€";

export const GSM_BASIC_CHARS: ReadonlySet<string> = new Set(GSM_BASIC);
export const GSM_EXTENSION_CHARS: ReadonlySet<string> = new Set(GSM_EXTENSION);

const LIMITS: Record<SmsEncoding, { single: number; multi: number }> = {
  // A multipart text gives up 7 septets (GSM) or 3 code units (UCS-2) per segment to the UDH header.
  "GSM-7": { single: 160, multi: 153 },
  "UCS-2": { single: 70, multi: 67 },
};

/** The characters in `body` that force UCS-2, once each in order, e.g. ["😀", "“"]. */
export function nonGsmCharacters(body: string): string[] {
  const found = new Set<string>();
  for (const ch of body) if (!GSM_BASIC_CHARS.has(ch) && !GSM_EXTENSION_CHARS.has(ch)) found.add(ch);
  return [...found];
}

export function countSegments(body: string): SegmentCount {
  const gsm = nonGsmCharacters(body).length === 0;
  const encoding: SmsEncoding = gsm ? "GSM-7" : "UCS-2";
  // Each unit that must stay whole: an escape sequence, or a surrogate pair (emoji).
  const units: number[] = [];
  for (const ch of body) units.push(gsm ? (GSM_EXTENSION_CHARS.has(ch) ? 2 : 1) : ch.length);
  const characters = units.reduce((sum, n) => sum + n, 0);
  const { single, multi } = LIMITS[encoding];

  if (characters <= single) {
    return { encoding, segments: characters === 0 ? 0 : 1, characters, perSegment: single, remainingInSegment: single - characters };
  }
  // Handsets and carriers don't split an escape sequence or surrogate pair across segments, so fill greedily.
  let segments = 1;
  let used = 0;
  for (const size of units) {
    if (used + size > multi) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, segments, characters, perSegment: multi, remainingInSegment: multi - used };
}
