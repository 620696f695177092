// The life of an accepted text after the 201: sending → sent → delivered (or failed / undelivered
// with an ErrorCode), each step POSTed to its StatusCallback the way Twilio does — form-encoded and
// signed with X-Twilio-Signature by the SDK's own function. The first status (the one in the 201)
// is never called back: "queued" from a number; a Messaging Service's "accepted", which is followed
// by a "queued" callback once the service has picked the sender.
import { setTimeout as sleep } from "node:timers/promises";
import type { StandInLog } from "./log";
import { signTwilioRequest } from "@/lib/telephony/signature";
import { twilioErrorMessage } from "./errors";
import { API_VERSION, newSid } from "./fixtures";
import type { MessageStatus, StandInMessage, TwilioStandInState } from "./state";

const CALLBACK_ATTEMPTS = 3;
const CALLBACK_TIMEOUT_MS = 5_000;
const PRICE_PER_SEGMENT = 0.0079;

export type DeliveryDeps = {
  state: TwilioStandInState;
  delayMs: number;
  /** The auth token callbacks for this account are signed with. */
  tokenFor: (accountSid: string) => string | undefined;
  log: StandInLog;
};

/** POSTs a form signed like Twilio; resolves to the receiver's HTTP status (throws if unreachable). */
async function postSignedForm(input: {
  url: string;
  params: Record<string, string>;
  authToken: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}): Promise<{ status: number; signature: string }> {
  const signature = signTwilioRequest(input.authToken, input.url, input.params);
  const timeout = AbortSignal.timeout(CALLBACK_TIMEOUT_MS);
  const res = await fetch(input.url, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "User-Agent": "TwilioProxy/1.1",
      "X-Twilio-Signature": signature,
      ...input.headers,
    },
    body: new URLSearchParams(input.params).toString(),
    signal: input.signal ? AbortSignal.any([input.signal, timeout]) : timeout,
  });
  await res.arrayBuffer(); // drain, so keep-alive sockets are reusable
  return { status: res.status, signature };
}

function callbackParams(m: StandInMessage): Record<string, string> {
  const params: Record<string, string> = {
    ApiVersion: API_VERSION,
    AccountSid: m.accountSid,
    SmsSid: m.sid,
    SmsStatus: m.status,
    MessageSid: m.sid,
    MessageStatus: m.status,
    To: m.to,
  };
  if (m.from) params.From = m.from;
  if (m.messagingServiceSid) params.MessagingServiceSid = m.messagingServiceSid;
  if (m.errorCode !== null) params.ErrorCode = String(m.errorCode);
  return params;
}

/** Sends one status callback, retrying a refused or 5xx answer; never throws except on abort. */
async function sendStatusCallback(m: StandInMessage, deps: DeliveryDeps, signal: AbortSignal): Promise<void> {
  const url = m.statusCallback;
  const authToken = deps.tokenFor(m.accountSid);
  if (!url || !authToken) return;
  const params = callbackParams(m);
  // Twilio marks each webhook with an idempotency token that stays the same across retries.
  const headers = { "I-Twilio-Idempotency-Token": newSid("RQ").slice(2) };
  const record = { messageSid: m.sid, url, status: m.status, params, signature: "", attempts: 0, responseStatus: null as number | null, delivered: false };
  deps.state.callbacks.push(record);
  let lastError: unknown;
  while (record.attempts < CALLBACK_ATTEMPTS && !record.delivered) {
    if (record.attempts > 0) await sleep(Math.max(deps.delayMs, 20) * 2 ** record.attempts, undefined, { signal });
    record.attempts += 1;
    try {
      const { status, signature } = await postSignedForm({ url, params, authToken, signal, headers });
      record.signature = signature;
      record.responseStatus = status;
      record.delivered = status < 500;
    } catch (err) {
      if (signal.aborted) throw err;
      lastError = err;
      record.responseStatus = null;
    }
  }
  if (!record.delivered) {
    deps.log.warn(
      { messageSid: m.sid, status: m.status, url, attempts: record.attempts, responseStatus: record.responseStatus, err: lastError },
      "status callback not delivered; the message keeps its state (fetch it to see it)",
    );
  }
}

function applyStatus(m: StandInMessage, status: MessageStatus, errorCode: number | null): void {
  const now = new Date();
  m.status = status;
  m.dateUpdated = now;
  if (status === "sent") {
    m.dateSent = now;
    m.price = (-PRICE_PER_SEGMENT * m.numSegments).toFixed(5);
    m.priceUnit = "USD";
  }
  if (status === "failed" || status === "undelivered") {
    m.errorCode = errorCode;
    m.errorMessage = errorCode === null ? null : twilioErrorMessage(errorCode);
  }
}

type Step = { status: MessageStatus; errorCode: number | null };

/** The statuses a message moves to after its first, given a failure injected for its destination. */
function stepsFor(m: StandInMessage, deps: DeliveryDeps): Step[] {
  const failure = deps.state.destinationFailure(m.to);
  const steps: Step[] = m.status === "accepted" ? [{ status: "queued", errorCode: null }] : [];
  if (failure?.status === "failed") return [...steps, { status: "failed", errorCode: failure.errorCode }];
  return [
    ...steps,
    { status: "sending", errorCode: null },
    { status: "sent", errorCode: null },
    failure ? { status: "undelivered", errorCode: failure.errorCode } : { status: "delivered", errorCode: null },
  ];
}

/** Walks a message through its statuses in the background; callbacks go out strictly in order. */
export function startDelivery(m: StandInMessage, deps: DeliveryDeps): void {
  const steps = stepsFor(m, deps);
  deps.state.track(async (signal) => {
    try {
      for (const step of steps) {
        await sleep(deps.delayMs, undefined, { signal });
        // A Messaging Service picks its sender as it queues the text; the stand-in takes the account's first number.
        if (step.status === "queued" && !m.from) {
          m.from = deps.state.numbers.find((n) => n.accountSid === m.accountSid)?.phoneNumber ?? null;
        }
        applyStatus(m, step.status, step.errorCode);
        await sendStatusCallback(m, deps, signal);
      }
    } catch (err) {
      if (!signal.aborted) throw err;
      // Cancelled by reset() or close(): the remaining steps are deliberately dropped.
    }
  });
}
