// POST /api/webhooks/twilio/voice/recorded — the <Record> action: keep the recording and thank the caller.
import { recordedParamsSchema } from "@/lib/telephony/params/voice";
import { twiml } from "@/lib/telephony/twiml-response";
import { apologyResponse, appendGoodbye, newVoiceResponse } from "@/lib/telephony/voice-twiml";
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { saveRecording } from "@/lib/telephony/webhooks/handle-recording";

export const POST = twilioWebhook(
  "voice.recorded",
  recordedParamsSchema,
  async ({ params, salon, log }) => {
    if (params) await saveRecording({ params, salon, log });
    return twiml(appendGoodbye(newVoiceResponse(), "Thank you for your message. We'll get back to you soon. Goodbye."));
  },
  { salonNumber: null, onError: apologyResponse },
);
