// A text to a salon's number (already signature-checked by the webhook wrapper): store it once per
// MessageSid under the customer with that number, then act on it (keyword or auto-reply). Replies
// go through the queue like every other text, so the webhook answers an empty <Response/>.
// Only the delivery that stored the message acts: Twilio's retries and duplicates change nothing.
import twilio from "twilio";
import { recordInboundMessage } from "@/lib/conversations/record-inbound-message";
import { isHandledAutomatically, runKeywordAction } from "@/lib/messaging/keyword-actions";
import { parseInboundKeyword } from "@/lib/messaging/keywords";
import { normalizePhone } from "@/lib/phone";
import { twiml } from "@/lib/telephony/twiml-response";
import type { TwilioWebhookContext } from "@/lib/telephony/webhook-route";
import { inboundSmsParamsSchema } from "@/lib/validations/conversations";

function emptyResponse(): Response {
  return twiml(new twilio.twiml.MessagingResponse());
}

export async function handleIncomingSms({ params, salon, log }: TwilioWebhookContext, now = new Date()): Promise<Response> {
  const sms = inboundSmsParamsSchema.parse(params);
  if (!salon) {
    // A number we released or never owned still points here: acknowledge so Twilio stops asking.
    log.warn({ to: sms.to }, "text to a number no salon owns");
    return emptyResponse();
  }
  // Short codes and alphanumeric senders can't be a customer or be texted back.
  const from = normalizePhone(sms.from);
  if (!from) {
    log.warn({ from: sms.from }, "text from a sender that is not a phone number ignored");
    return emptyResponse();
  }

  const keyword = parseInboundKeyword(sms.body);
  const recorded = await recordInboundMessage(salon.id, {
    ...sms,
    from,
    keyword,
    receivedAt: now,
    handled: isHandledAutomatically(keyword),
  });
  if (!recorded.inserted) {
    log.info("duplicate delivery of a stored text ignored");
    return emptyResponse();
  }
  const outcome = await runKeywordAction(keyword, { salon, customer: recorded.customer, messageSid: sms.messageSid, now });
  log.info({ keyword, outcome, customerId: recorded.customer.id, newCustomer: recorded.customerCreated }, "incoming text handled");
  return emptyResponse();
}
