// What acting on one stored incoming text knows, and the key of its one answer: shared by the keyword
// actions and what they hand a text to (the waitlist's offers, the dialogue), so neither imports the other.
import type { InboundCustomer } from "@/lib/conversations/record-inbound-message";
import type { Language } from "@/lib/i18n/language";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";

export type InboundTextContext = {
  salon: WebhookSalon;
  customer: InboundCustomer;
  messageSid: string;
  /** The text's words (what a non-keyword text asks is read from them). */
  body?: string;
  /** The provider already answered this STOP, START or HELP: record what it changes, send nothing. */
  answeredByProvider?: boolean;
  /** When the text first arrived (a retry acts later than that). */
  receivedAt: Date;
  now: Date;
  /** The language to answer in (a Spanish keyword's, else the customer's); English when absent. */
  language?: Language;
};

/** The key of the one answer to an incoming text. */
export const inboundReplyKey = (messageSid: string) => `inbound:${messageSid}:reply`;
