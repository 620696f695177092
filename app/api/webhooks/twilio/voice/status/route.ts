// POST /api/webhooks/twilio/voice/status — call progress (forward only); a final status may trigger the missed-call text.
import { callStatusParamsSchema } from "@/lib/telephony/params/voice";
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { handleCallStatus } from "@/lib/telephony/webhooks/handle-call-status";

export const POST = twilioWebhook("voice.status", callStatusParamsSchema, async (input) => {
  await handleCallStatus(input);
  return new Response(null, { status: 204 });
});
