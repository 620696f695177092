// POST /api/webhooks/twilio/sms/status — Twilio's delivery reports for texts we sent (queued → sent →
// delivered/undelivered/failed). Signature first (403 and nothing written otherwise); the salon is
// the owner of the sending number, "From".
import { smsStatusParamsSchema } from "@/lib/telephony/params/sms";
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { handleSmsStatus } from "@/lib/telephony/webhooks/handle-sms-status";

export const POST = twilioWebhook("sms-status", smsStatusParamsSchema, (input) => handleSmsStatus(input), { salonNumber: "From" });
