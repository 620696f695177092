// POST /api/webhooks/twilio/voice/recorded — the <Record> action: keep the recording and thank the caller (?lang=es: in Spanish).
import { voicePrompts } from "@/lib/i18n/voice-prompts";
import { recordedParamsSchema, recordedQuerySchema } from "@/lib/telephony/params/voice";
import { twiml } from "@/lib/telephony/twiml-response";
import { apologyResponse, appendGoodbye, newVoiceResponse } from "@/lib/telephony/voice-twiml";
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { saveRecording } from "@/lib/telephony/webhooks/handle-recording";

export const POST = twilioWebhook(
  "voice.recorded",
  recordedParamsSchema,
  async ({ params, salon, log, path }) => {
    const { lang } = recordedQuerySchema.parse(Object.fromEntries(new URL(path, "http://local").searchParams));
    if (params) await saveRecording({ params, salon, log });
    return twiml(appendGoodbye(newVoiceResponse(), voicePrompts(lang).thanksForMessage, lang));
  },
  { salonNumber: null, onError: apologyResponse },
);
