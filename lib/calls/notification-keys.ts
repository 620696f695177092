// Idempotency keys of the texts a call can cause: one per call and purpose, so Twilio's retries
// and duplicate deliveries never send a second text, and a call's page can find its texts.

export function missedCallKey(call: { salonId: string; from: string; callSid: string }): string {
  return `missed-call:${call.salonId}:${call.from}:${call.callSid}`;
}

export function bookingInfoKey(callSid: string): string {
  return `booking-info:${callSid}`;
}
