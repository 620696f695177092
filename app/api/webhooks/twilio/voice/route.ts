// POST /api/webhooks/twilio/voice — a call to a salon's number: log it and answer with the greeting and menu.
import { twiml } from "@/lib/telephony/twiml-response";
import { apologyResponse } from "@/lib/telephony/voice-twiml";
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { handleIncomingCall } from "@/lib/telephony/webhooks/handle-incoming-call";
import { incomingCallParamsSchema } from "@/lib/validations/calls";

export const POST = twilioWebhook(
  "voice",
  async ({ params, salon, log }) => twiml(await handleIncomingCall({ params: incomingCallParamsSchema.parse(params), salon, log })),
  { onError: apologyResponse },
);
