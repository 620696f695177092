// Deterministic, plausible data for the Twilio stand-in: sids, Twilio's date format and the
// numbers it offers for sale (the fictional 555-0100…0199 range of each area code).
import { randomBytes } from "node:crypto";

export const API_VERSION = "2010-04-01";

/** Twilio sids are a two-letter prefix + 32 lowercase hex digits (calls' "CA" ones for the demo seed). */
export function newSid(prefix: "SM" | "MM" | "PN" | "AC" | "RQ" | "MG" | "RE" | "ME" | "CA"): string {
  return `${prefix}${randomBytes(16).toString("hex")}`;
}

/** Twilio renders dates as RFC 2822 with a numeric zone: "Thu, 30 Jul 2015 20:12:31 +0000". */
export function rfc2822(date: Date | null): string | null {
  return date ? date.toUTCString().replace(/GMT$/, "+0000") : null;
}

/** "+14155550100" → "(415) 555-0100"; other countries keep their E.164 form, as Twilio does. */
export function friendlyPhoneNumber(e164: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}

/** E.164 with a real country code; North American numbers need a valid 10-digit NANP shape. */
export function isE164(value: string): boolean {
  if (!/^\+[1-9]\d{7,14}$/.test(value)) return false;
  return value.startsWith("+1") ? /^\+1[2-9]\d{2}[2-9]\d{6}$/.test(value) : true;
}

type Place = {
  locality: string;
  region: string;
  postalCode: string;
  lata: string;
  rateCenter: string;
  latitude: string;
  longitude: string;
};

const PLACES: Record<string, Record<string, Place>> = {
  US: {
    "415": { locality: "San Francisco", region: "CA", postalCode: "94110", lata: "722", rateCenter: "SNFC CNTRL", latitude: "37.775000", longitude: "-122.419000" },
    "510": { locality: "Oakland", region: "CA", postalCode: "94612", lata: "722", rateCenter: "OKLD", latitude: "37.804000", longitude: "-122.271000" },
    "310": { locality: "Los Angeles", region: "CA", postalCode: "90025", lata: "730", rateCenter: "LSAN DA 03", latitude: "34.052000", longitude: "-118.244000" },
    "212": { locality: "New York", region: "NY", postalCode: "10001", lata: "132", rateCenter: "NWYRCYZN01", latitude: "40.713000", longitude: "-74.006000" },
    "312": { locality: "Chicago", region: "IL", postalCode: "60601", lata: "358", rateCenter: "CHICAGO", latitude: "41.878000", longitude: "-87.630000" },
    "512": { locality: "Austin", region: "TX", postalCode: "78701", lata: "558", rateCenter: "AUSTIN", latitude: "30.267000", longitude: "-97.743000" },
    "206": { locality: "Seattle", region: "WA", postalCode: "98101", lata: "674", rateCenter: "SEATTLE", latitude: "47.606000", longitude: "-122.332000" },
    "305": { locality: "Miami", region: "FL", postalCode: "33130", lata: "460", rateCenter: "MIAMI", latitude: "25.762000", longitude: "-80.192000" },
    "617": { locality: "Boston", region: "MA", postalCode: "02108", lata: "128", rateCenter: "BOSTON", latitude: "42.360000", longitude: "-71.059000" },
    "808": { locality: "Hilo", region: "HI", postalCode: "96720", lata: "834", rateCenter: "HILO", latitude: "19.720000", longitude: "-155.090000" },
  },
  CA: {
    "416": { locality: "Toronto", region: "ON", postalCode: "M5H 2N2", lata: "888", rateCenter: "TORONTO", latitude: "43.653000", longitude: "-79.383000" },
    "604": { locality: "Vancouver", region: "BC", postalCode: "V6B 1A1", lata: "888", rateCenter: "VANCOUVER", latitude: "49.283000", longitude: "-123.121000" },
  },
};

export const SUPPORTED_COUNTRIES = Object.keys(PLACES);

/** Letters in a Contains pattern are keypad letters ("HAIR" = 4247); "*" matches one digit. */
function containsMatcher(pattern: string): (e164: string) => boolean {
  const keypad = "22233344455566677778889999";
  const digits = pattern.toUpperCase().replace(/[A-Z]/g, (c) => keypad[c.charCodeAt(0) - 65] ?? c);
  const regex = new RegExp(digits.replace(/[^0-9*+]/g, "").replace(/\+/g, "\\+").replace(/\*/g, "\\d"));
  return (e164) => regex.test(e164);
}

export type AvailableNumber = Place & { phoneNumber: string; isoCountry: string };

/**
 * The numbers for sale in one country minus those already owned, narrowed as Twilio's search is: by
 * area code, by the place's postal code (InPostalCode) or state/province (InRegion), and by Contains.
 */
export function findAvailableNumbers(input: {
  country: string;
  areaCode?: string;
  inPostalCode?: string;
  inRegion?: string;
  contains?: string;
  isOwned: (e164: string) => boolean;
  limit: number;
}): AvailableNumber[] {
  const places = PLACES[input.country];
  if (!places) return [];
  const areaCodes = input.areaCode ? [input.areaCode] : Object.keys(places);
  const matches = input.contains ? containsMatcher(input.contains) : () => true;
  const found: AvailableNumber[] = [];
  for (const areaCode of areaCodes) {
    const place = places[areaCode];
    if (!place) continue;
    if (input.inPostalCode && place.postalCode !== input.inPostalCode) continue;
    if (input.inRegion && place.region !== input.inRegion.toUpperCase()) continue;
    for (let line = 100; line <= 199 && found.length < input.limit; line++) {
      const phoneNumber = `+1${areaCode}5550${line}`;
      if (!input.isOwned(phoneNumber) && matches(phoneNumber)) {
        found.push({ ...place, phoneNumber, isoCountry: input.country });
      }
    }
  }
  return found;
}
