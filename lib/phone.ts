// Phone numbers in and out: anything people type becomes E.164 for storage and Twilio, and E.164
// goes back to the way people write it. libphonenumber-js's default ("min") metadata keeps this
// small enough for client components.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

// Far longer than any real number with formatting; stops pathological input before parsing.
const MAX_INPUT_LENGTH = 64;

/**
 * "(415) 555-0123", "415.555.0123", "+44 20 7946 0958" → "+14155550123" / "+442079460958"; null when
 * the number isn't valid for its country. Numbers with an extension are rejected: texts and
 * forwarded calls can't reach an extension, so storing one without it would be wrong.
 */
export function normalizePhone(input: string | null | undefined, defaultCountry: CountryCode = "US"): string | null {
  if (typeof input !== "string") return null;
  const trimmed = input.trim();
  if (!trimmed || trimmed.length > MAX_INPUT_LENGTH) return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  if (!parsed || parsed.ext || !parsed.isValid()) return null;
  return parsed.number;
}

/**
 * E.164 → how people write it: "(415) 555-0123" for North American numbers (+1, which US salons dial
 * without a prefix), "+44 20 7946 0958" otherwise. Anything unparseable is returned unchanged.
 */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return "";
  const parsed = e164.length <= MAX_INPUT_LENGTH ? parsePhoneNumberFromString(e164) : undefined;
  if (!parsed || !parsed.isValid()) return e164;
  return parsed.countryCallingCode === "1" ? parsed.formatNational() : parsed.formatInternational();
}

// What Twilio puts in From when a caller hides their number: the word itself ("anonymous", and since
// 2022 "RESTRICTED" and the like on forwarded legs), or, on older routes, that word typed on a phone
// keypad ("+266696687" is ANONYMOUS). Neither can be called or texted back.
const WITHHELD_WORDS = ["anonymous", "restricted", "unknown", "unavailable", "private"];
const KEYPAD = ["abc", "def", "ghi", "jkl", "mno", "pqrs", "tuv", "wxyz"];
const keypadDigits = (word: string) =>
  [...word].map((letter) => String(KEYPAD.findIndex((keys) => keys.includes(letter)) + 2)).join("");
const WITHHELD_IDS = new Set([...WITHHELD_WORDS, ...WITHHELD_WORDS.map(keypadDigits)]);

/** True for a caller ID that hides the number (blank, "anonymous", "+266696687"…). */
export function isWithheldNumber(from: string | null | undefined): boolean {
  const id = (from ?? "").trim().toLowerCase().replace(/^\+/, "");
  return id === "" || WITHHELD_IDS.has(id);
}

/** A caller's number the way people write it, or "Withheld number" when they hid it. */
export function formatCallerNumber(from: string | null | undefined): string {
  return isWithheldNumber(from) ? "Withheld number" : formatPhone(from);
}
