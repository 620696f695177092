// POST /api/webhooks/twilio/voice/dial-result — the <Dial> to the salon's phone ended: done, or voicemail.
import { twiml } from "@/lib/telephony/twiml-response";
import { apologyResponse } from "@/lib/telephony/voice-twiml";
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { handleDialResult } from "@/lib/telephony/webhooks/handle-dial-result";
import { dialResultParamsSchema } from "@/lib/validations/calls";

export const POST = twilioWebhook(
  "voice.dial-result",
  async ({ params, salon, log }) => twiml(await handleDialResult({ params: dialResultParamsSchema.parse(params), salon, log })),
  { onError: apologyResponse },
);
