// POST /api/webhooks/twilio/voice — a call to a salon's number: log it and answer with the greeting and menu.
import { incomingCallParamsSchema } from "@/lib/telephony/params/voice";
import { twiml } from "@/lib/telephony/twiml-response";
import { apologyResponse } from "@/lib/telephony/voice-twiml";
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { handleIncomingCall } from "@/lib/telephony/webhooks/handle-incoming-call";

export const POST = twilioWebhook("voice", incomingCallParamsSchema, async (input) => twiml(await handleIncomingCall(input)), {
  onError: apologyResponse,
});
