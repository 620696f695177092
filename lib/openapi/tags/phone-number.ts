// Phone number: the salon's Bolt number, its state, Twilio's webhook settings, and buying it.
import { z } from "zod";
import { ANY_MEMBER, type ApiTag, errors, json, JSON_BODY_ERRORS, OWNERS_ONLY, SALON_SECURITY, salonErrors } from "@/lib/openapi/common";
import { provisionPhoneSchema } from "@/lib/validations/phone-numbers";

const webhookSettings = z.strictObject({
  voiceUrl: z.string().nullable(),
  voiceMethod: z.string().nullable(),
  statusCallback: z.string().nullable(),
  statusCallbackMethod: z.string().nullable(),
  smsUrl: z.string().nullable(),
  smsMethod: z.string().nullable(),
});

const numberStatusSchema = z
  .strictObject({
    number: z
      .strictObject({ e164: z.string().meta({ example: "+14155550100" }), national: z.string().meta({ example: "(415) 555-0100" }), sid: z.string().nullable() })
      .nullable(),
    state: z.enum(["none", "pending", "active", "releasing"]),
    pendingReason: z.string().nullable().meta({ description: "Pending: why the last attempt failed, in words." }),
    releaseAt: z.string().nullable().meta({ description: "Releasing: when the number goes." }),
    webhooks: z
      .strictObject({
        expected: webhookSettings,
        actual: webhookSettings.nullable().meta({ description: "What Twilio holds; null when it couldn't be read (see `error`)." }),
        differs: z.array(webhookSettings.keyof()),
        error: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: "NumberStatus" });

const data = z.strictObject({ data: numberStatusSchema });

export const phoneNumberTag: ApiTag = {
  name: "Phone number",
  description: "The number customers call and text. Bought with the subscription; never bought twice.",
  paths: {
    "/api/telephony/phone-number": {
      get: {
        operationId: "getPhoneNumber",
        summary: "Get the salon's number and its state",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        responses: { 200: json("The number", data), ...salonErrors() },
      },
    },
    "/api/telephony/provision-phone": {
      post: {
        operationId: "provisionPhoneNumber",
        summary: "Buy the salon's number now (or retry a pending purchase)",
        description: "Optionally in a preferred area code. A purchase already under way is joined, never repeated.",
        security: SALON_SECURITY,
        ...OWNERS_ONLY,
        requestBody: { content: { "application/json": { schema: provisionPhoneSchema, example: { areaCode: "415" } } } },
        responses: {
          202: json("The purchase is under way: the number's state", data),
          ...salonErrors({ ...JSON_BODY_ERRORS, 409: ["number_exists", "subscription_required"] }),
          ...errors({ 502: ["twilio_unavailable"] }),
        },
      },
    },
  },
};
