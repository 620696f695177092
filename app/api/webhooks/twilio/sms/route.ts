// POST /api/webhooks/twilio/sms — a text to a salon's number: stored once per MessageSid, matched to the
// customer, keywords acted on (STOP, START, HELP, C, R) or the auto-reply queued; answers <Response/>.
import { inboundSmsParamsSchema } from "@/lib/telephony/params/sms";
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { handleIncomingSms } from "@/lib/telephony/webhooks/handle-incoming-sms";

export const POST = twilioWebhook("sms", inboundSmsParamsSchema, (input) => handleIncomingSms(input));
