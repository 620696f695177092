// POST /api/webhooks/twilio/voice/gather — what the caller said or keyed at the menu (?attempt=1|2, followUp=1 after an answer, step=N: which gather of the call, lang=es on a Spanish call).
import { gatherParamsSchema, gatherQuerySchema } from "@/lib/telephony/params/voice";
import { twiml } from "@/lib/telephony/twiml-response";
import { apologyResponse } from "@/lib/telephony/voice-twiml";
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { handleGather } from "@/lib/telephony/webhooks/handle-gather";

export const POST = twilioWebhook(
  "voice.gather",
  gatherParamsSchema,
  async ({ path, ...input }) => {
    const { lang, ...query } = gatherQuerySchema.parse(Object.fromEntries(new URL(path, "http://local").searchParams));
    return twiml(await handleGather({ ...input, ...query, language: lang }));
  },
  { onError: apologyResponse },
);
