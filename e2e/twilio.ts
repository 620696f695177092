// Twilio as the browser specs see it: the sandbox account `npm start` generated, and incoming texts
// posted to the running app the way Twilio posts them — its documented parameters, signed with the
// SDK's own signature code (through lib/telephony) over the public URL.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { signTwilioRequest } from "@/lib/telephony/signature";

const DEMO_NUMBER = "+14155550142";
const SMS_WEBHOOK = "/api/webhooks/twilio/sms";

/** The sandbox credentials `npm start` generated in BOLT_DATA_DIR (playwright.config.ts sets E2E_DATA_DIR to it). */
export function sandboxAccount(): { accountSid: string; authToken: string } {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set: run the specs through playwright.config.ts.");
  const file = path.join(dataDir, "secrets.json");
  if (!existsSync(file)) throw new Error(`No ${file}: set E2E_DATA_DIR to the app's BOLT_DATA_DIR.`);
  const secrets = JSON.parse(readFileSync(file, "utf8")) as {
    twilioSandbox: { accountSid: string; authToken: string };
  };
  return secrets.twilioSandbox;
}

/** POSTs an incoming text the way Twilio does: its documented parameters, signed over the public URL. */
export async function textTheSalon(request: APIRequestContext, baseURL: string, from: string, body: string) {
  const { accountSid, authToken } = sandboxAccount();
  const sid = `SM${randomBytes(16).toString("hex")}`;
  const params: Record<string, string> = {
    AccountSid: accountSid,
    ApiVersion: "2010-04-01",
    Body: body,
    From: from,
    FromCountry: "US",
    MessageSid: sid,
    NumMedia: "0",
    NumSegments: "1",
    SmsMessageSid: sid,
    SmsSid: sid,
    SmsStatus: "received",
    To: DEMO_NUMBER,
    ToCountry: "US",
  };
  const signature = signTwilioRequest(authToken, `${baseURL}${SMS_WEBHOOK}`, params);
  return request.post(SMS_WEBHOOK, { form: params, headers: { "x-twilio-signature": signature } });
}
