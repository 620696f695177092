// Webhooks: what Twilio and Stripe call. Not for API clients; documented so the signature checks and
// the parameters Bolt reads are on record. Request schemas are the ones the routes parse with.
import { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";
import { type ApiTag, errors, json } from "@/lib/openapi/common";
import { inboundSmsParamsSchema, smsStatusParamsSchema } from "@/lib/telephony/params/sms";
import {
  callStatusParamsSchema,
  dialResultParamsSchema,
  gatherParamsSchema,
  gatherQuerySchema,
  incomingCallParamsSchema,
  recordedParamsSchema,
  recordedQuerySchema,
  recordingParamsSchema,
  screenParamsSchema,
  transcriptionParamsSchema,
} from "@/lib/telephony/params/voice";

const TWIML = { description: "TwiML for Twilio", content: { "text/xml": { schema: { type: "string" as const }, example: '<?xml version="1.0" encoding="UTF-8"?><Response/>' } } };
const NO_CONTENT = { description: "Recorded" };
const TWILIO_REFUSALS = errors({ 403: ["invalid_signature"], 413: ["payload_too_large"], 503: ["service_unavailable"] });

function twilio(
  operationId: string,
  summary: string,
  params: z.ZodType,
  answer: "twiml" | "none",
  query?: z.ZodType<unknown, Record<string, unknown>>,
): { post: ZodOpenApiOperationObject } {
  return {
    post: {
      operationId,
      summary,
      security: [{ twilioSignature: [] }],
      ...(query ? { requestParams: { query } } : {}),
      requestBody: { content: { "application/x-www-form-urlencoded": { schema: params } } },
      responses: { ...(answer === "twiml" ? { 200: TWIML } : { 204: NO_CONTENT }), ...TWILIO_REFUSALS },
    },
  };
}

export const webhooksTag: ApiTag = {
  name: "Webhooks",
  description:
    "Called by Twilio and Stripe, not by API clients. Each checks its provider's signature before reading or writing anything, and is safe to retry (idempotent on Twilio's CallSid / MessageSid / RecordingSid, on Stripe's event id).",
  paths: {
    "/api/webhooks/twilio/voice": twilio("twilioIncomingCall", "An incoming call: greeting and menu", incomingCallParamsSchema, "twiml"),
    "/api/webhooks/twilio/voice/gather": twilio("twilioGather", "What the caller said or keyed at the menu", gatherParamsSchema, "twiml", gatherQuerySchema),
    "/api/webhooks/twilio/voice/dial-result": twilio("twilioDialResult", "The transfer to the salon ended: done, or voicemail", dialResultParamsSchema, "twiml"),
    "/api/webhooks/twilio/voice/recorded": twilio("twilioRecorded", "The voicemail's end: thank the caller", recordedParamsSchema, "twiml", recordedQuerySchema),
    "/api/webhooks/twilio/voice/screen": twilio("twilioScreen", "Call screening: tell whoever answered who is calling", screenParamsSchema, "twiml"),
    "/api/webhooks/twilio/voice/screen-result": twilio("twilioScreenResult", "Call screening: 1 takes the call", screenParamsSchema, "twiml"),
    "/api/webhooks/twilio/voice/status": twilio("twilioCallStatus", "Call progress (may send the missed-call text)", callStatusParamsSchema, "none"),
    "/api/webhooks/twilio/voice/recording": twilio("twilioRecording", "The voicemail's recording: URL, SID and length", recordingParamsSchema, "none"),
    "/api/webhooks/twilio/voice/transcription": twilio("twilioTranscription", "The voicemail's transcript (or its failure)", transcriptionParamsSchema, "none"),
    "/api/webhooks/twilio/sms": twilio("twilioIncomingSms", "A text to the salon's number (STOP, START, HELP, C, R, or the auto-reply)", inboundSmsParamsSchema, "twiml"),
    "/api/webhooks/twilio/sms/status": twilio("twilioSmsStatus", "Delivery status of a text Bolt sent", smsStatusParamsSchema, "none"),
    "/api/webhooks/stripe": {
      post: {
        operationId: "stripeEvent",
        summary: "A Stripe event (subscriptions, checkout, invoices)",
        description: "The raw body is verified with STRIPE_WEBHOOK_SECRET; each event id is handled once; unknown types are acknowledged.",
        security: [{ stripeSignature: [] }],
        requestBody: { content: { "application/json": { schema: { type: "object" } } } },
        responses: {
          200: json("Handled (or a duplicate delivery)", z.strictObject({ received: z.literal(true), duplicate: z.boolean() })),
          ...errors({
            400: ["missing_signature", "invalid_signature"],
            409: ["event_in_progress"],
            413: ["payload_too_large"],
            503: ["webhook_not_configured", "service_unavailable"],
          }),
        },
      },
    },
  },
};
