// POST /api/webhooks/twilio/voice/transcription — the voicemail's transcript (or its failure).
import { transcriptionParamsSchema } from "@/lib/telephony/params/voice";
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { saveTranscription } from "@/lib/telephony/webhooks/handle-transcription";

export const POST = twilioWebhook(
  "voice.transcription",
  transcriptionParamsSchema,
  async (input) => {
    await saveTranscription(input);
    return new Response(null, { status: 204 });
  },
  // Transcription callbacks carry no To: the call (and so the salon) is found by CallSid.
  { salonNumber: null },
);
