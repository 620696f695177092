// A text to a salon's number (already signature-checked by the webhook wrapper): store it once per
// MessageSid under the customer with that number, then act on it (keyword or auto-reply). Replies
// go through the queue like every other text, so the webhook answers an empty <Response/>.
// A delivery acts while the stored text is unprocessed (the first one, or a retry after a failure);
// once it is processed, Twilio's retries and duplicates change nothing.
import twilio from "twilio";
import { recordInboundMessage } from "@/lib/conversations/record-inbound-message";
import { actOnInboundText } from "@/lib/messaging/act-on-inbound-text";
import { parseInboundKeyword } from "@/lib/messaging/keywords";
import { normalizePhone } from "@/lib/phone";
import { twiml } from "@/lib/telephony/twiml-response";
import type { TwilioWebhookContext } from "@/lib/telephony/webhook-route";
import { inboundSmsParamsSchema } from "@/lib/validations/conversations";

function emptyResponse(): Response {
  return twiml(new twilio.twiml.MessagingResponse());
}

export async function handleIncomingSms(
  { params, salon, log }: TwilioWebhookContext,
  now = new Date(),
): Promise<Response> {
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
  const recorded = await recordInboundMessage(salon.id, { ...sms, from, keyword, receivedAt: now });
  const { message, customer } = recorded;
  if (!message || message.processedAt) {
    log.info("duplicate delivery of a stored text ignored");
    return emptyResponse();
  }
  try {
    const outcome = await actOnInboundText({
      messageId: message.id,
      messageSid: sms.messageSid,
      keyword,
      salon,
      customer,
      receivedAt: message.receivedAt,
      now,
    });
    log.info(
      {
        keyword,
        outcome,
        customerId: customer.id,
        newCustomer: recorded.customerCreated,
        retry: !recorded.inserted,
      },
      "incoming text handled",
    );
  } catch (err) {
    // The text is stored, so Twilio has nothing left to give us: answer it normally. A 5xx would not
    // bring a retry anyway (Twilio retries text webhooks only on connection failures unless the URL
    // asks for more) and would send Twilio to the number's fallback URL. The text stays unprocessed
    // and the worker's sweep acts on it again (lib/messaging/retry-unprocessed-texts.ts).
    log.error(
      { err, keyword, customerId: customer.id },
      "incoming text stored, acting on it failed; the sweep will retry",
    );
  }
  return emptyResponse();
}
