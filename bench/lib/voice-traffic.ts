// The voice webhook's side of bench/webhooks.ts: Twilio-shaped incoming calls signed the way Twilio
// signs them, and the check that the webhook really did its work while it was measured.
import { randomBytes } from "node:crypto";
import type autocannon from "autocannon";
import type { Run } from "./webhook-report";

export const ACCOUNT_SID = `AC${randomBytes(16).toString("hex")}`;
export const AUTH_TOKEN = randomBytes(16).toString("hex");
export const SALON_NUMBER = "+14155550142";
export const VOICE_PATH = "/api/webhooks/twilio/voice";

export type SignFn = (token: string, url: string, params: Record<string, string>) => string;

/** One Twilio-shaped, signed incoming call: a fresh CallSid each time, callers cycling through 10,000 numbers. */
function signedVoiceRequest(url: string, sign: SignFn, seq: number): { body: string; signature: string } {
  const params = {
    AccountSid: ACCOUNT_SID,
    ApiVersion: "2010-04-01",
    CallSid: `CA${randomBytes(16).toString("hex")}`,
    CallStatus: "ringing",
    Direction: "inbound",
    From: `+1415556${String(seq % 10_000).padStart(4, "0")}`,
    To: SALON_NUMBER,
    CallerName: "BENCH CALLER",
    FromCountry: "US",
    ToCountry: "US",
  };
  return { body: new URLSearchParams(params).toString(), signature: sign(AUTH_TOKEN, url, params) };
}

/**
 * autocannon's setupRequest for the voice webhook. The requests are built and signed before the run
 * (Twilio signs on its side, not on our server's cores), so the load generator spends its CPU
 * sending, not hashing; past the pool it signs live.
 */
export function voiceRequestFactory(baseUrl: string, sign: SignFn, poolSize: number) {
  const url = `${baseUrl}${VOICE_PATH}`;
  let seq = 0;
  const build = () => signedVoiceRequest(url, sign, ++seq);
  const pool = Array.from({ length: poolSize }, build);
  let next = 0;
  return (req: autocannon.Request): autocannon.Request => {
    const { body, signature } = pool[next++] ?? build();
    return {
      ...req,
      body,
      headers: {
        ...req.headers,
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": signature,
      },
    };
  };
}

/**
 * A fast figure must not hide a broken path: every 2xx the voice webhook gave logged one call, and
 * its answer is the salon's greeting and menu, not the apology it falls back to when something fails.
 * Requests still in flight when a run ends are served (and logged) but not counted by autocannon,
 * so each run may log up to its connection count more calls than it saw answered.
 */
export async function checkVoiceWork(
  baseUrl: string,
  sign: SignFn,
  voiceRuns: Run[],
  countCallLogs: () => Promise<number>,
): Promise<void> {
  const url = `${baseUrl}${VOICE_PATH}`;
  const { body, signature } = signedVoiceRequest(url, sign, 0);
  const res = await fetch(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
  });
  const answer = await res.text();
  const answered = voiceRuns.reduce((n, r) => n + r.ok, 0) + 1;
  const inFlight = voiceRuns.reduce((n, r) => n + r.connections, 0);
  const logged = await countCallLogs();
  const greets =
    res.status === 200 && answer.includes("Thanks for calling Bench Salon.") && answer.includes("<Gather");
  console.log(
    `voice webhook: ${answered} answered 2xx (plus up to ${inFlight} in flight at the ends of runs), ${logged} calls logged; the answer is the greeting and menu: ${greets ? "yes" : "NO"}`,
  );
  if (!greets || logged < answered || logged > answered + inFlight) {
    throw new Error(`the voice webhook did not do its work (status ${res.status}): ${answer.slice(0, 200)}`);
  }
}
