// The phone simulator's first piece: a call to a salon's number placed through Bolt's real voice
// webhooks, signed and shaped the way Twilio sends them (a fresh CallSid, the full ring → answer →
// status-callback sequence), so the call is logged and the caller hears exactly what a phone would.
// Sandbox only (the action refuses otherwise): with real Twilio a "call" must come from Twilio itself.
// A later issue grows this into a full simulator (speech, transfers, voicemail); the steps are the seam.
import { randomBytes } from "node:crypto";
import { buildWebhookUrl, signTwilioRequest } from "@/lib/telephony/signature";

/** How a signed webhook reaches Bolt: over HTTP to PUBLIC_BASE_URL in the app; tests call the route handlers. */
export type WebhookTransport = (pathWithQuery: string, params: Record<string, string>, signature: string) => Promise<Response>;

const httpTransport: WebhookTransport = async (pathWithQuery, params, signature) =>
  fetch(buildWebhookUrl(pathWithQuery), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature, "User-Agent": "TwilioProxy/1.1" },
    body: new URLSearchParams(params).toString(),
    signal: AbortSignal.timeout(15_000),
  });

/** A fictional number (555-01xx) the simulated caller rings from. */
export const SIMULATOR_CALLER = "+12025550147";
const VOICE = "/api/webhooks/twilio/voice";

export type HeardLine = { speaker: "bolt" | "caller"; text: string };
export type TestCall = { callSid: string; lines: HeardLine[] };

export type TestCallInput = {
  /** The salon's number and the account that owns it (whose token Twilio signs with). */
  to: string;
  accountSid: string;
  authToken: string;
  transport?: WebhookTransport;
  /** Keys the caller presses at each menu, in order; then they hang up. Default: 1 (our hours). */
  keys?: string[];
  /** Seconds the call lasted, for its status callback. */
  durationSeconds?: number;
  /** When the call ends (the status callback's Timestamp). */
  now?: Date;
};

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (xml: string) => xml.replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => ENTITIES[name] ?? "");

/** The <Say> texts of a TwiML answer, in order: what the caller hears. */
export function spokenLines(twiml: string): string[] {
  return [...twiml.matchAll(/<Say(?:\s[^>]*)?>([\s\S]*?)<\/Say>/g)].map((m) => decode(m[1] ?? "").trim()).filter(Boolean);
}

/** Where the answer's <Gather> posts next (path and query under PUBLIC_BASE_URL), or null when the call ends. */
export function gatherAction(twiml: string): string | null {
  const action = /<Gather\s[^>]*action="([^"]+)"/.exec(twiml)?.[1];
  if (!action) return null;
  const url = new URL(decode(action));
  return `${url.pathname}${url.search}`;
}

export async function placeTestCall(input: TestCallInput): Promise<TestCall> {
  const transport = input.transport ?? httpTransport;
  const callSid = `CA${randomBytes(16).toString("hex")}`;
  const base = { AccountSid: input.accountSid, ApiVersion: "2010-04-01", CallSid: callSid, Called: input.to, Caller: SIMULATOR_CALLER, Direction: "inbound", From: SIMULATOR_CALLER, To: input.to };
  const lines: HeardLine[] = [];

  const post = async (pathWithQuery: string, params: Record<string, string>): Promise<string> => {
    const signature = signTwilioRequest(input.authToken, buildWebhookUrl(pathWithQuery), params);
    const res = await transport(pathWithQuery, params, signature);
    const body = await res.text();
    if (!res.ok) throw new Error(`${pathWithQuery} answered ${res.status}`);
    return body;
  };
  const hear = (twiml: string) => lines.push(...spokenLines(twiml).map((text) => ({ speaker: "bolt" as const, text })));

  let twiml = await post(VOICE, { ...base, CallStatus: "ringing" });
  hear(twiml);
  for (const digits of input.keys ?? ["1"]) {
    const next = gatherAction(twiml);
    if (!next) break;
    lines.push({ speaker: "caller", text: `(presses ${digits})` });
    twiml = await post(next, { ...base, CallStatus: "in-progress", Digits: digits, FinishedOnKey: "" });
    hear(twiml);
  }
  // The caller hangs up; Twilio's status callback tells Bolt the call ended and how long it took.
  await post(`${VOICE}/status`, { ...base, CallStatus: "completed", CallDuration: String(input.durationSeconds ?? 20), Timestamp: (input.now ?? new Date()).toUTCString() });
  return { callSid, lines };
}
