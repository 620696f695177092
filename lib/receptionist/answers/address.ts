// The answer to "where are you?": the address, then the owner's directions or parking note ("Free
// parking behind the building."). A text also carries a map link; speech doesn't read one out.
import type { Language } from "@/lib/i18n/language";
import type { Channel } from "@/lib/receptionist/understanding";

export type AddressSalon = {
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  /** The owner's directions or parking note, said as written. */
  directions?: string | null;
};

export type AddressQuestion = { salon: AddressSalon; language?: Language; channel?: Channel };

/** "1234 Valencia Street, Suite 2, San Francisco, CA 94110", or null when there is no street address. */
function addressLine(salon: AddressSalon): string | null {
  const street = [salon.addressLine1, salon.addressLine2].map((part) => part?.trim()).filter(Boolean);
  if (street.length === 0) return null;
  const regionLine = [salon.region, salon.postalCode].map((part) => part?.trim()).filter(Boolean).join(" ");
  return [...street, salon.city?.trim(), regionLine].filter(Boolean).join(", ");
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function answerAddress({ salon, language = "en", channel = "speech" }: AddressQuestion): string {
  const es = language === "es";
  const line = addressLine(salon);
  const note = salon.directions?.trim();
  if (!line) {
    const sorry = es ? "Lo siento, todavía no tengo nuestra dirección." : "Sorry, I don't have our address on file yet.";
    return note ? `${sorry} ${sentence(note)}` : sorry;
  }
  const parts = [`${es ? "Estamos en" : "We're at"} ${line}.`];
  if (note) parts.push(sentence(note));
  if (channel === "text") parts.push(`${es ? "Mapa" : "Map"}: https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(line)}`);
  return parts.join(" ");
}
