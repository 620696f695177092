// POST /api/webhooks/twilio/voice/recorded — the <Record> action: keep the recording and thank the caller.
import { twiml } from "@/lib/telephony/twiml-response";
import { apologyResponse, appendGoodbye, newVoiceResponse } from "@/lib/telephony/voice-twiml";
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { saveRecording } from "@/lib/telephony/webhooks/handle-recording";
import { recordingParamsSchema } from "@/lib/validations/calls";

export const POST = twilioWebhook(
  "voice.recorded",
  async ({ params, log }) => {
    const recording = recordingParamsSchema.safeParse(params);
    if (recording.success) await saveRecording({ params: recording.data, accountSid: params.AccountSid, log });
    return twiml(appendGoodbye(newVoiceResponse(), "Thank you for your message. We'll get back to you soon. Goodbye."));
  },
  { salonNumber: null, onError: apologyResponse },
);
