// POST /api/webhooks/twilio/voice/screen — the salon's phone picked up a forwarded call: tell whoever answered who is calling, and ask for 1 to take it.
import { screenParamsSchema } from "@/lib/telephony/params/voice";
import { twiml } from "@/lib/telephony/twiml-response";
import { screenFailedResponse } from "@/lib/telephony/voice-twiml";
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { handleScreen } from "@/lib/telephony/webhooks/handle-screen";

export const POST = twilioWebhook("voice.screen", screenParamsSchema, async (input) => twiml(await handleScreen(input)), {
  // To is a staff phone, not a salon's number: the salon comes from the caller's call (ParentCallSid).
  salonNumber: null,
  onError: screenFailedResponse,
});
