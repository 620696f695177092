// What a salon's outgoing text looks like: it names the salon (carriers and customers both expect a
// sender name), and the first text a customer ever gets from the salon says how to opt out, in their language.
import type { Language } from "@/lib/i18n/language";
import { textTemplates } from "@/lib/i18n/text-templates";

export const OPT_OUT_FOOTER = textTemplates("en").optOutFooter;

/** True when the text already names the salon, so we don't prefix it twice. */
function mentionsSalon(body: string, salonName: string): boolean {
  return body.toLocaleLowerCase().includes(salonName.trim().toLocaleLowerCase());
}

/** Either language's opt-out line ("Reply STOP", "Responda ALTO"). */
export function hasOptOutFooter(body: string): boolean {
  return /reply stop|responda (?:alto|stop)/i.test(body);
}

/** Appends the opt-out line (once), in the recipient's language. */
export function withOptOutFooter(body: string, language?: Language | null): string {
  return hasOptOutFooter(body) ? body : `${body.trimEnd()}\n${textTemplates(language).optOutFooter}`;
}

/**
 * "Salon Name: body", unless the body already names the salon; plus the opt-out line when this
 * is the first text to the recipient (customers only; staff don't opt out of their own salon).
 */
export function composeSmsBody(input: { salonName: string; body: string; firstText?: boolean; language?: Language | null }): string {
  const body = input.body.trim();
  const named = mentionsSalon(body, input.salonName) ? body : `${input.salonName.trim()}: ${body}`;
  return input.firstText ? withOptOutFooter(named, input.language) : named;
}
