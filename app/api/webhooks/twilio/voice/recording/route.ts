// POST /api/webhooks/twilio/voice/recording — recording status callback: the voicemail's URL, SID and length.
import { recordingParamsSchema } from "@/lib/telephony/params/voice";
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { saveRecording } from "@/lib/telephony/webhooks/handle-recording";

export const POST = twilioWebhook(
  "voice.recording",
  recordingParamsSchema,
  async (input) => {
    await saveRecording(input);
    return new Response(null, { status: 204 });
  },
  // Recording callbacks carry no To: the call (and so the salon) is found by CallSid.
  { salonNumber: null },
);
