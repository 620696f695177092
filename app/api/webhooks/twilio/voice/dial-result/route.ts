// POST /api/webhooks/twilio/voice/dial-result — the <Dial> to the salon's phone ended: done, or voicemail.
import { dialResultParamsSchema } from "@/lib/telephony/params/voice";
import { twiml } from "@/lib/telephony/twiml-response";
import { apologyResponse } from "@/lib/telephony/voice-twiml";
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { handleDialResult } from "@/lib/telephony/webhooks/handle-dial-result";

export const POST = twilioWebhook("voice.dial-result", dialResultParamsSchema, async (input) => twiml(await handleDialResult(input)), {
  onError: apologyResponse,
});
