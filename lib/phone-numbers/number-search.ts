// Where to look for a salon's number, nearest first: the owner's preferred area code, the area code of
// the salon's forwarding phone and of its own phone, then its postal code and its state or province,
// then anywhere in its country. Only North American numbers have an area code in them.
import type { NumberSearch } from "@/lib/telephony/incoming-numbers";

export type SalonPlace = {
  country: string;
  postalCode: string | null;
  region: string | null;
  forwardingPhone: string | null;
  phone: string | null;
};

const NANP_COUNTRIES = new Set(["US", "CA"]);

/** "+14155550123" → "415"; null for numbers outside the North American plan. */
function areaCodeOf(e164: string | null): string | null {
  const match = e164 ? /^\+1([2-9]\d{2})[2-9]\d{6}$/.exec(e164) : null;
  return match?.[1] ?? null;
}

/** The searches to try in order; duplicates removed. */
export function numberSearchesFor(salon: SalonPlace, preferredAreaCode?: string | null): NumberSearch[] {
  const country = salon.country || "US";
  const searches: NumberSearch[] = [];
  if (NANP_COUNTRIES.has(country)) {
    const areaCodes = [preferredAreaCode, areaCodeOf(salon.forwardingPhone), areaCodeOf(salon.phone)];
    for (const areaCode of new Set(areaCodes.filter((a): a is string => Boolean(a)))) searches.push({ country, areaCode });
  }
  if (salon.postalCode?.trim()) searches.push({ country, inPostalCode: salon.postalCode.trim() });
  if (salon.region?.trim()) searches.push({ country, inRegion: salon.region.trim() });
  searches.push({ country });
  return searches;
}
