// The simulator's phone texting the salon: the text goes to the Twilio stand-in, which keeps it and
// delivers it to Bolt's SMS webhook as Twilio would; the thread is what Twilio holds between that phone
// and the salon's number, read through the real SDK (messages.list), with each text's delivery status.
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { salonNumber } from "@/lib/simulator/salon-line";
import type { NotificationStatus } from "@/lib/generated/prisma/enums";
import { mapTwilioMessageStatus } from "@/lib/telephony/statuses";
import { getTwilioClient } from "@/lib/telephony/twilio";

export type ThreadText = {
  sid: string;
  /** "in": the phone texted the salon; "out": the salon (Bolt) texted the phone. */
  direction: "in" | "out";
  body: string;
  /** A text to the phone: where its delivery stands, as Bolt's own statuses say it; null for the phone's own. */
  status: NotificationStatus | null;
  at: string;
  errorCode: number | null;
};

const THREAD_LIMIT = 50;

/** The phone `from` texts `body` to the salon's number; answers once Bolt's webhook has answered. */
export async function textSalonFromPhone(salonId: string, from: string, body: string): Promise<{ sid: string }> {
  const line = await salonNumber(salonId);
  if (from === line.to) throw new ApiError({ code: "same_number", status: 422, message: "Text from another phone: this is the salon's own number." });
  const base = env.TWILIO_API_BASE_URL;
  if (!base) throw new ApiError({ code: "no_sandbox", status: 409, message: "The Twilio sandbox isn't running, so there is no phone to text from." });
  const credentials = Buffer.from(`${env.TWILIO_ACCOUNT_SID}:${env.TWILIO_AUTH_TOKEN}`).toString("base64");
  const res = await fetch(`${base.replace(/\/+$/, "")}/_sandbox/Accounts/${line.accountSid}/InboundMessages.json`, {
    method: "POST",
    headers: { Authorization: `Basic ${credentials}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ From: from, To: line.to, Body: body }).toString(),
    signal: AbortSignal.timeout(20_000),
  });
  const answer = (await res.json()) as { sid?: string; message?: string; webhook_status?: number | null };
  if (!res.ok || !answer.sid) throw new ApiError({ code: "sandbox_refused", status: 502, message: `The Twilio sandbox refused the text: ${answer.message ?? res.status}` });
  if (answer.webhook_status !== 200) {
    throw new ApiError({ code: "webhook_failed", status: 502, message: `Bolt answered ${answer.webhook_status ?? "nothing"} to the text.` });
  }
  return { sid: answer.sid };
}

/** Every text between `phone` and the salon's number that Twilio holds, oldest first. */
export async function readPhoneThread(salonId: string, phone: string): Promise<ThreadText[]> {
  const line = await salonNumber(salonId);
  const messages = getTwilioClient({ accountSid: line.accountSid }).messages;
  // Both directions, each only between this phone and this salon's number (the sandbox's account holds every salon's).
  const [outbound, inbound] = await Promise.all([
    messages.list({ to: phone, from: line.to, limit: THREAD_LIMIT }),
    messages.list({ from: phone, to: line.to, limit: THREAD_LIMIT }),
  ]);
  // Twilio lists newest first; oldest first here, so a stable sort keeps one direction's order within a second.
  const texts = [...outbound.reverse().map((m) => ({ m, direction: "out" as const })), ...inbound.reverse().map((m) => ({ m, direction: "in" as const }))];
  // Twilio's dates are to the second: a reply in the same second as the text it answers comes after it.
  texts.sort((a, b) => a.m.dateCreated.getTime() - b.m.dateCreated.getTime() || (a.direction === b.direction ? 0 : a.direction === "in" ? -1 : 1));
  return texts.slice(-THREAD_LIMIT).map(({ m, direction }) => ({
    sid: m.sid,
    direction,
    body: m.body,
    status: direction === "out" ? mapTwilioMessageStatus(m.status) : null,
    at: m.dateCreated.toISOString(),
    errorCode: m.errorCode ?? null,
  }));
}
