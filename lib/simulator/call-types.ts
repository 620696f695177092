// The phone simulator's call as the page and the server pass it between steps (lib/simulator/call-session.ts
// runs it), and how its signed webhooks reach Bolt. The state and the caller's actions are what the
// simulator's schemas accept back from the page (lib/validations/simulator.ts).
import type { z } from "zod";
import { buildWebhookUrl } from "@/lib/telephony/signature";
import type { callerActionSchema, callStateSchema } from "@/lib/validations/simulator";

/** How a signed webhook reaches Bolt: over HTTP to PUBLIC_BASE_URL in the app; tests may call the route handlers. */
export type WebhookTransport = (pathWithQuery: string, params: Record<string, string>, signature: string) => Promise<Response>;

export const httpTransport: WebhookTransport = async (pathWithQuery, params, signature) =>
  fetch(buildWebhookUrl(pathWithQuery), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature, "User-Agent": "TwilioProxy/1.1" },
    body: new URLSearchParams(params).toString(),
    signal: AbortSignal.timeout(15_000),
  });

/** The salon's number and the account that owns it (whose token Twilio signs with). */
export type SalonLine = { to: string; accountSid: string; authToken: string };
export type CallContext = { line: SalonLine; from: string; transport?: WebhookTransport; now?: () => Date };

/** "bolt": what the caller hears; "staff": what the person at the salon's phone hears; "note": what happens. */
export type CallLine = { speaker: "bolt" | "caller" | "staff" | "note"; text: string };
/** One webhook request and Bolt's answer, for the page's "For developers: TwiML" panel. */
export type Exchange = { path: string; params: Record<string, string>; status: number; body: string };
export type Waiting =
  | { verb: "gather"; speech: boolean; keys: boolean }
  | { verb: "dial"; number: string }
  | { verb: "record"; maxSeconds: number };
/** What carries a call from one step to the next: the TwiML it waits in, and at which verb. */
export type CallState = z.infer<typeof callStateSchema>;
export type CallStep = { callSid: string; lines: CallLine[]; exchanges: Exchange[]; state: CallState | null; waiting: Waiting | null };
export type CallerAction = z.infer<typeof callerActionSchema>;
