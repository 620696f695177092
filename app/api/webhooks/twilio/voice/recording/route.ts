// POST /api/webhooks/twilio/voice/recording — recording status callback: the voicemail's URL, SID and length.
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { saveRecording } from "@/lib/telephony/webhooks/handle-recording";
import { recordingParamsSchema } from "@/lib/validations/calls";

export const POST = twilioWebhook(
  "voice.recording",
  async ({ params, log }) => {
    await saveRecording({ params: recordingParamsSchema.parse(params), accountSid: params.AccountSid, log });
    return new Response(null, { status: 204 });
  },
  // Recording callbacks carry no To: the call (and so the salon) is found by CallSid.
  { salonNumber: null },
);
