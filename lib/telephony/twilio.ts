// The one Twilio client factory (STYLE habit 1). Real SDK clients, cached per credentials, carried
// by lib/telephony/http-client.ts (undici instead of the SDK's axios; see there why). When
// TWILIO_API_BASE_URL is set every REST call goes to that base URL (the local stand-in/sandbox).
//
// Per-salon subaccounts: pass only `{ accountSid: subSid }` and the client authenticates with the
// main account's credentials while acting on the subaccount (Twilio lets a parent account manage
// its subaccounts), so no per-salon secret is stored: `salons.twilioAccountSid` is enough.
// A subaccount's own sid + token (`{ accountSid, authToken }`) works too. Webhooks for a
// subaccount's number are signed with that subaccount's token (see lib/telephony/signature.ts).
import twilio from "twilio";
import { env } from "@/lib/env";
import { TwilioHttpClient } from "@/lib/telephony/http-client";

export type TwilioClient = twilio.Twilio;

export class TwilioNotConfiguredError extends Error {
  constructor() {
    super(
      "Twilio is not configured: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN " +
        "(npm start runs a local Twilio sandbox when they are unset).",
    );
    this.name = "TwilioNotConfiguredError";
  }
}

/** True when main-account credentials are present (real Twilio or the sandbox). */
export function twilioConfigured(): boolean {
  return Boolean(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN);
}

// Bounded so a deployment with thousands of salons doesn't keep every client forever.
const MAX_CACHED_CLIENTS = 500;
const clients = new Map<string, TwilioClient>();

export type TwilioCredentials = { accountSid?: string; authToken?: string };

/**
 * `{}` → the main account from the environment; `{ accountSid }` → that subaccount, acting with
 * the main credentials; `{ accountSid, authToken }` → exactly those credentials.
 */
export function getTwilioClient({ accountSid, authToken }: TwilioCredentials = {}): TwilioClient {
  if (authToken && !accountSid) throw new Error("getTwilioClient: an authToken needs its accountSid.");
  const username = authToken ? accountSid : env.TWILIO_ACCOUNT_SID;
  const password = authToken ?? env.TWILIO_AUTH_TOKEN;
  if (!username || !password) throw new TwilioNotConfiguredError();
  const actingAs = accountSid ?? username;
  const baseUrl = env.TWILIO_API_BASE_URL;

  const key = [username, password, actingAs, baseUrl ?? ""].join("\u0000");
  const cached = clients.get(key);
  if (cached) return cached;

  const client = twilio(username, password, {
    accountSid: actingAs,
    httpClient: new TwilioHttpClient({ baseUrl }),
  });
  if (clients.size >= MAX_CACHED_CLIENTS) {
    const oldest = clients.keys().next().value;
    if (oldest !== undefined) clients.delete(oldest);
  }
  clients.set(key, client);
  return client;
}

/** Lets tests drop cached clients after changing credentials or the base URL. */
export function resetTwilioClientsForTests(): void {
  clients.clear();
}
