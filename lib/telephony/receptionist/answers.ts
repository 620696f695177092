// What the receptionist says for hours, address and prices — plain sentences for text-to-speech.
import { describeOpenStatus, parseBusinessHours, speakWeeklyHours, type BusinessHours } from "@/lib/salons/business-hours";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";

const MAX_SPOKEN_SERVICES = 8;

/** Hours with at least one opening period; a salon that never filled them in has none. */
export function configuredHours(salon: Pick<WebhookSalon, "businessHours">): BusinessHours | null {
  const hours = parseBusinessHours(salon.businessHours);
  return hours && Object.values(hours).some((day) => day.length > 0) ? hours : null;
}

const LEAVE_A_MESSAGE = "You can text this number or leave a message, and we'll get back to you.";

/** Hours the owner saved with every day closed (a break, a move): said as closed, not as unknown. */
function isClosedWeek(businessHours: unknown): boolean {
  return typeof businessHours === "object" && businessHours !== null && Object.keys(businessHours).length > 0;
}

/** "We're closed now; we open on Tuesday at 9 AM. Our hours are Tuesday to Saturday, 9 AM to 6 PM. We're closed Monday and Sunday." */
export function speakHours(salon: Pick<WebhookSalon, "businessHours" | "timeZone">, now: Date): string {
  const hours = configuredHours(salon);
  if (hours) return `${describeOpenStatus(hours, salon.timeZone, now)} ${speakWeeklyHours(hours)}`;
  if (parseBusinessHours(salon.businessHours) && isClosedWeek(salon.businessHours)) {
    return `We're closed at the moment, and we don't have opening hours set for the coming days. ${LEAVE_A_MESSAGE}`;
  }
  return `Sorry, I don't have our opening hours on file yet. ${LEAVE_A_MESSAGE}`;
}

/** "We're at 1234 Valencia Street, Suite 2, San Francisco, CA 94110." */
export function speakAddress(salon: Pick<WebhookSalon, "addressLine1" | "addressLine2" | "city" | "region" | "postalCode">): string {
  const street = [salon.addressLine1, salon.addressLine2].map((part) => part?.trim()).filter(Boolean);
  if (street.length === 0) return "Sorry, I don't have our address on file yet.";
  const regionLine = [salon.region, salon.postalCode].map((part) => part?.trim()).filter(Boolean).join(" ");
  const parts = [...street, salon.city?.trim(), regionLine].filter(Boolean);
  return `We're at ${parts.join(", ")}.`;
}

/** "$65", "$65.50", "free": the speech engine reads dollar amounts naturally. */
export function speakPrice(priceCents: number): string {
  if (priceCents <= 0) return "free";
  const dollars = Math.floor(priceCents / 100);
  const cents = priceCents % 100;
  return cents ? `$${dollars}.${String(cents).padStart(2, "0")}` : `$${dollars}`;
}

/** "A Women's Cut is $65, a Men's Cut is $35, and Balayage is $180." — listing at most a handful. */
export function speakPrices(services: Array<{ name: string; priceCents: number }>): string {
  if (services.length === 0) return "Sorry, I don't have our prices on file yet. We're happy to tell you by text or in person.";
  const spoken = services.slice(0, MAX_SPOKEN_SERVICES).map((s) => `${s.name}, ${speakPrice(s.priceCents)}`);
  const last = spoken.pop();
  const list = spoken.length ? `${spoken.join("; ")}; and ${last}` : last;
  const more = services.length > MAX_SPOKEN_SERVICES ? " We offer more services too; just ask." : "";
  return `Here are our prices. ${list}.${more}`;
}
