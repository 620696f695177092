// Texts: send a custom text, an appointment's confirmation or its reminder now (queued; 202).
import { z } from "zod";
import { ANY_MEMBER, type ApiTag, idempotencyHeader, json, JSON_BODY_ERRORS, SALON_SECURITY, salonErrors } from "@/lib/openapi/common";
import { notificationSchema } from "@/lib/openapi/tags/notifications";
import { appointmentMessageSchema, sendSmsSchema } from "@/lib/validations/messaging";

const queued = json("Queued: the notification (its status follows in /api/telephony/notifications/{id})", z.strictObject({ data: notificationSchema }));

const appointmentText = (kind: "confirmation" | "reminder") => ({
  operationId: kind === "confirmation" ? "sendAppointmentConfirmation" : "sendAppointmentReminder",
  summary: kind === "confirmation" ? "Text an appointment's confirmation now" : "Text an appointment's reminder now",
  security: SALON_SECURITY,
  ...ANY_MEMBER,
  requestParams: { header: idempotencyHeader },
  requestBody: { content: { "application/json": { schema: appointmentMessageSchema, example: { appointmentId: "cm4appt0001" } } } },
  responses: {
    202: queued,
    ...salonErrors({
      ...JSON_BODY_ERRORS,
      404: ["not_found"],
      409: ["appointment_not_active", "appointment_in_past", "customer_opted_out", "no_phone_number"],
    }),
  },
});

export const textsTag: ApiTag = {
  name: "Texts",
  description:
    "Texts go out through the salon's number, respecting opt-outs (STOP), quiet hours and the monthly quota. Every send accepts an Idempotency-Key.",
  paths: {
    "/api/telephony/sms": {
      post: {
        operationId: "sendSms",
        summary: "Text a customer, an employee or a number",
        description: "Exactly one recipient: `customerId`, `employeeId` or `phone` (any common format; read as US without a country code).",
        security: SALON_SECURITY,
        ...ANY_MEMBER,
        requestParams: { header: idempotencyHeader },
        requestBody: {
          content: { "application/json": { schema: sendSmsSchema, example: { customerId: "cm4cust0001", body: "Your color is ready to book — reply with a day that suits you." } } },
        },
        responses: {
          202: queued,
          ...salonErrors({ ...JSON_BODY_ERRORS, 404: ["not_found"], 409: ["customer_opted_out", "no_phone_number"], 422: ["validation_failed", "no_phone"] }),
        },
      },
    },
    "/api/telephony/appointment-confirmation": { post: appointmentText("confirmation") },
    "/api/telephony/appointment-reminder": { post: appointmentText("reminder") },
  },
};
