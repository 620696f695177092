// POST /api/webhooks/twilio/voice/status — call progress (forward only); a final status may trigger the missed-call text.
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { handleCallStatus } from "@/lib/telephony/webhooks/handle-call-status";
import { callStatusParamsSchema } from "@/lib/validations/calls";

export const POST = twilioWebhook("voice.status", async ({ params, salon, log }) => {
  await handleCallStatus({ params: callStatusParamsSchema.parse(params), salon, log });
  return new Response(null, { status: 204 });
});
