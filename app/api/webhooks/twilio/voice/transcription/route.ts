// POST /api/webhooks/twilio/voice/transcription — the voicemail's transcript (or its failure).
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { saveTranscription } from "@/lib/telephony/webhooks/handle-transcription";
import { transcriptionParamsSchema } from "@/lib/validations/calls";

export const POST = twilioWebhook(
  "voice.transcription",
  async ({ params, log }) => {
    await saveTranscription({ params: transcriptionParamsSchema.parse(params), accountSid: params.AccountSid, log });
    return new Response(null, { status: 204 });
  },
  { salonNumber: null },
);
