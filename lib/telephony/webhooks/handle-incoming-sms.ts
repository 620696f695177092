// A text to a salon's number (already signature-checked by the webhook wrapper): store it once per
// MessageSid under the customer with that number, then act on it (keyword or auto-reply). Replies
// go through the queue like every other text, so the webhook answers an empty <Response/>.
// Storing claims the text (lib/messaging/inbound-claims.ts): the delivery that holds it acts; a
// duplicate delivery, or one of a text already in other hands, changes nothing.
import twilio from "twilio";
import { recordInboundMessage, type InboundMessageInput } from "@/lib/conversations/record-inbound-message";
import { actOnClaimedTexts } from "@/lib/messaging/act-on-inbound-text";
import { isClosed, type Claim, type ClosedState } from "@/lib/messaging/inbound-claims";
import { systemClock, type Clock } from "@/lib/time/clock";
import { parseInboundKeyword, type InboundKeyword } from "@/lib/messaging/keywords";
import { normalizePhone } from "@/lib/phone";
import type { InboundSms, OptOutType } from "@/lib/telephony/params/sms";
import { answeringModeOf, endedTextReply } from "@/lib/telephony/receptionist/subscription-answers";
import { twiml } from "@/lib/telephony/twiml-response";
import type { WebhookInput } from "@/lib/telephony/webhook-route";

const ANSWERED_KEYWORDS: Record<OptOutType, InboundKeyword> = { STOP: "STOP", START: "START", HELP: "HELP" };
const OPT_OUT_KEYWORDS = new Set<InboundKeyword | null>(Object.values(ANSWERED_KEYWORDS));

function emptyResponse(): Response {
  return twiml(new twilio.twiml.MessagingResponse());
}

/** Why a delivery left its (stored) text alone, for the log; a text closed unacted is logged where it is closed. */
const NOT_CLAIMED: Record<Exclude<Claim["state"], "claimed" | ClosedState>, string> = {
  done: "duplicate delivery of a text already acted on; ignored",
  in_flight: "duplicate delivery of a text being acted on right now; ignored",
  waiting: "text stored; it is acted on after the customer's older text (being acted on now, or retried by the sweep)",
  backing_off: "delivery of a text whose last attempt failed; the sweep retries it",
};

/**
 * The text as it is stored: the sender normalised and the keyword read, once, here (the claims order
 * texts by the stored keyword, and it is the one acted on). A keyword Twilio's Advanced Opt-Out has
 * answered (OptOutType) is the one Twilio read, from a keyword list the salon may have extended, and
 * Bolt sends no second answer. Null for a short code or an alphanumeric sender: neither can be a
 * customer or be texted back.
 */
export function toInboundMessageInput(sms: InboundSms, receivedAt: Date): InboundMessageInput | null {
  const from = normalizePhone(sms.from);
  if (!from) return null;
  const { optOutType, ...message } = sms;
  const keyword = optOutType ? ANSWERED_KEYWORDS[optOutType] : parseInboundKeyword(sms.body);
  return { ...message, from, keyword, answeredByProvider: Boolean(optOutType), receivedAt };
}

export async function handleIncomingSms(
  { params: sms, salon, log }: WebhookInput<InboundSms>,
  clock: Clock = systemClock,
): Promise<Response> {
  if (!salon) {
    // A number we released or never owned still points here: acknowledge so Twilio stops asking.
    log.warn({ to: sms.to }, "text to a number no salon owns");
    return emptyResponse();
  }
  const input = toInboundMessageInput(sms, clock());
  if (!input) {
    log.warn({ from: sms.from }, "text from a sender that is not a phone number ignored");
    return emptyResponse();
  }

  const { keyword } = input;
  // An ended subscription: one fixed reply and nothing stored or queued, except opt-in/out and HELP,
  // which are kept as ever (a customer's STOP must hold if the salon subscribes again).
  if (answeringModeOf(salon.subscriptionStatus) === "ended" && !OPT_OUT_KEYWORDS.has(keyword)) {
    log.info({ keyword }, "text to a salon whose subscription has ended: answered with the fixed reply");
    return twiml(endedTextReply(salon));
  }
  const recorded = await recordInboundMessage(salon.id, input, clock);
  if (!recorded.stored) {
    // MessageSids are unique across Twilio, so this is no duplicate: the same message reached two
    // salons' numbers (a replayed or misrouted request). Not this salon's to store or act on.
    log.warn(
      { keyword },
      "text's MessageSid is already stored under another salon; nothing stored or acted on here",
    );
    return emptyResponse();
  }
  const { claim, customer } = recorded;
  const fields = {
    keyword,
    customerId: customer.id,
    newCustomer: recorded.customerCreated,
    redelivery: !recorded.inserted,
  };
  if (claim.state !== "claimed") {
    // Closed unacted (superseded, too old, given up): inbound-claims.ts logged it as it closed it.
    if (!isClosed(claim.state)) log.info({ ...fields, state: claim.state }, NOT_CLAIMED[claim.state]);
    return emptyResponse();
  }
  try {
    // Failures are logged per text and left to the worker's sweep (retry-unprocessed-texts.ts).
    await actOnClaimedTexts(salon, claim.text, clock, log);
  } catch (err) {
    // The text is stored, so Twilio has nothing left to give us: answer it normally. A 5xx would not
    // bring a retry anyway (Twilio retries text webhooks only on connection failures unless the URL
    // asks for more) and would send Twilio to the number's fallback URL.
    log.error({ ...fields, err }, "incoming text stored, acting on it failed; the sweep will retry");
  }
  return emptyResponse();
}
