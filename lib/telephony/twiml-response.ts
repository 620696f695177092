// TwiML responses: the SDK's VoiceResponse/MessagingResponse (or a literal string) as text/xml.
import type twilio from "twilio";

type TwimlDocument = string | InstanceType<typeof twilio.twiml.VoiceResponse> | InstanceType<typeof twilio.twiml.MessagingResponse>;

export function twiml(document: TwimlDocument, init: { status?: number } = {}): Response {
  return new Response(typeof document === "string" ? document : document.toString(), {
    status: init.status ?? 200,
    headers: { "content-type": "text/xml; charset=utf-8" },
  });
}
