// What the receptionist says for hours, address and prices — plain sentences for text-to-speech. The
// wording (both languages, a day asked about, closures) lives in lib/receptionist/answers/; these are
// the English, no-entity forms the keypad menu and the rule engine use.
import { answerAddress, type AddressSalon } from "@/lib/receptionist/answers/address";
import { answerHours } from "@/lib/receptionist/answers/hours";
import { formatPrice, priceList } from "@/lib/receptionist/answers/prices";
import { configuredBusinessHours, type BusinessHours } from "@/lib/salons/business-hours";
import type { SpecialDay } from "@/lib/salons/special-days";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";

/** Hours with at least one opening period; a salon that never filled them in has none. */
export function configuredHours(salon: Pick<WebhookSalon, "businessHours">): BusinessHours | null {
  return configuredBusinessHours(salon.businessHours);
}

/** "We're closed now; we open on Tuesday at 9 AM. Our hours are Tuesday to Saturday, 9 AM to 6 PM. We're closed Monday and Sunday." */
export function speakHours(salon: Pick<WebhookSalon, "businessHours" | "timeZone">, now: Date, specialDays?: readonly SpecialDay[]): string {
  return answerHours({ salon, now, specialDays });
}

/** "We're at 1234 Valencia Street, Suite 2, San Francisco, CA 94110." */
export function speakAddress(salon: AddressSalon): string {
  return answerAddress({ salon });
}

/** "$65", "$65.50", "free". */
export function speakPrice(priceCents: number): string {
  return formatPrice(priceCents);
}

/** "Here are our prices. Women's Cut, $65; Men's Cut, $35; and Balayage, $180." — listing at most a handful. */
export function speakPrices(services: Array<{ name: string; priceCents: number }>): string {
  return priceList(services);
}
