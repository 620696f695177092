// Twilio's REST error shape ({ code, message, more_info, status }), thrown by the stand-in's
// handlers and rendered once by the server, plus the codes the stand-in knows how to produce.

/** Messages as Twilio words them; `{value}` is filled with the offending input. */
const MESSAGES: Record<number, string> = {
  20003: "Authenticate",
  20404: "The requested resource {value} was not found",
  20429: "Too Many Requests",
  20500: "An internal server error has occurred",
  20503: "Service is unavailable. Please try again",
  21211: "Invalid 'To' Phone Number: {value}",
  21212: "Invalid 'From' Phone Number: {value}",
  21266: "'To' and 'From' number cannot be the same: {value}",
  21408: "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: {value}",
  21421: "PhoneNumber is invalid",
  21422: "PhoneNumber requested is not available",
  21452: "No phone numbers found in area code {value}",
  21602: "Message body is required.",
  21603: "A 'From' phone number is required.",
  21604: "A 'To' phone number is required.",
  21606: "The phone number {value} is not a Twilio phone number of this account.",
  21609: "Invalid StatusCallback url: {value}",
  21610: "Attempt to send to unsubscribed recipient",
  21612: "The 'To' phone number: {value}, is not currently reachable using the 'From' phone number via SMS.",
  21614: "'To' number is not a valid mobile number",
  21617: "The concatenated message body exceeds the 1600 character limit.",
  21659: "'From' {value} is not a Twilio phone number or Short Code country mismatch",
  21660: "Mismatch between the 'From' number {value} and the account",
  21701: "The Messaging Service Sid {value} is invalid.",
  // Delivery errors: these arrive on status callbacks, never as HTTP errors.
  30003: "Unreachable destination handset",
  30004: "Message blocked",
  30005: "Unknown destination handset",
  30006: "Landline or unreachable carrier",
  30007: "Message filtered",
  30008: "Unknown error",
  30034: "Message from an unregistered number",
};

export function twilioErrorMessage(code: number, value = ""): string {
  return (MESSAGES[code] ?? `Error ${code}`).replace("{value}", value);
}

export class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = "TwilioApiError";
  }

  toJSON() {
    return {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
    };
  }
}

/** A 400 (or other status) with Twilio's wording for `code`. */
export function twilioError(code: number, value?: string, status = 400): TwilioApiError {
  return new TwilioApiError(status, code, twilioErrorMessage(code, value));
}

export function notFoundError(path: string): TwilioApiError {
  return twilioError(20404, path, 404);
}

export function authenticateError(): TwilioApiError {
  return new TwilioApiError(401, 20003, "Authenticate", "Your AccountSid or AuthToken was incorrect.");
}

/** The error an injected HTTP failure answers with (429 → 20429, 503 → 20503, else 20500). */
export function injectedHttpError(status: number): TwilioApiError {
  const code = status === 429 ? 20429 : status === 503 ? 20503 : status >= 500 ? 20500 : 20000 + status;
  return twilioError(code, undefined, status);
}

/** Delivery failures Twilio stops before the carrier ("failed"); the rest end "undelivered". */
export function failureStatusFor(code: number): "failed" | "undelivered" {
  return code === 30034 ? "failed" : "undelivered";
}
