// POST /api/webhooks/twilio/voice/screen-result — the key pressed at the screening: 1 takes the call (noted on the caller's call log), anything else hangs up.
import { screenParamsSchema } from "@/lib/telephony/params/voice";
import { twiml } from "@/lib/telephony/twiml-response";
import { screenFailedResponse } from "@/lib/telephony/voice-twiml";
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { handleScreenResult } from "@/lib/telephony/webhooks/handle-screen-result";

export const POST = twilioWebhook("voice.screen-result", screenParamsSchema, async (input) => twiml(await handleScreenResult(input)), {
  // To is a staff phone, not a salon's number: the salon comes from the caller's call (ParentCallSid).
  salonNumber: null,
  onError: screenFailedResponse,
});
