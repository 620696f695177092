// A customer texts the demo salon (a correctly signed Twilio webhook to the running app); a staff member
// sees the unread conversation in Messages, opens it, replies, and watches the reply reach Delivered
// (the app runs with the in-process Twilio sandbox, which posts the status callbacks back).
import { expect, test, type APIRequestContext } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import twilio from "twilio";
import { restoreQuietHours, turnOffQuietHours, type QuietHours } from "../quiet-hours";
import { logIn, STAFF } from "../support";

const DEMO_NUMBER = "+14155550142";
const SMS_WEBHOOK = "/api/webhooks/twilio/sms";

/** The sandbox credentials `npm start` generated in BOLT_DATA_DIR (playwright.config.ts sets E2E_DATA_DIR to it). */
function sandboxAccount(): { accountSid: string; authToken: string } {
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
async function textTheSalon(request: APIRequestContext, baseURL: string, from: string, body: string) {
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
  const signature = twilio.getExpectedTwilioSignature(authToken, `${baseURL}${SMS_WEBHOOK}`, params);
  return request.post(SMS_WEBHOOK, { form: params, headers: { "x-twilio-signature": signature } });
}

let quietHours: QuietHours | null = null;
test.afterAll(async ({ browser }, testInfo) => {
  await restoreQuietHours(browser, testInfo, quietHours);
  quietHours = null;
});

test("staff answer an incoming text from Messages and see it delivered", async ({
  page,
  request,
  baseURL,
}) => {
  // Quiet hours would hold the reply until morning when the suite runs at night (restored in afterAll).
  quietHours = await turnOffQuietHours(page);

  // A number the salon has never heard from: it becomes a new customer.
  const from = `+1415555${3000 + Math.floor(Math.random() * 6000)}`;
  const shown = `(415) 555-${from.slice(-4)}`;
  const question = `Do you have anything open Friday afternoon? e2e ${Date.now()}`;
  const res = await textTheSalon(request, baseURL!, from, question);
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain("<Response");

  await logIn(page, STAFF);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Messages" }).click();
  await expect(page.getByRole("heading", { name: "Messages", level: 1 })).toBeVisible();
  const conversation = page
    .getByRole("list", { name: "Conversations" })
    .getByRole("listitem")
    .filter({ hasText: shown });
  await expect(conversation).toHaveAttribute("data-unread", "true");
  await expect(conversation).toContainText("New");
  await expect(conversation).toContainText("1 unread");

  await conversation.getByRole("link").click();
  const thread = page.getByRole("region", { name: `Conversation with ${shown}` });
  await expect(thread.getByText(question)).toBeVisible();
  // Opening it marked it read: the inbox beside it drops the unread marker.
  await expect(conversation).toHaveAttribute("data-unread", "false");
  // …while the thread keeps its "New" line before the text that was unread when it opened.
  await expect(thread.getByRole("separator", { name: "New texts" })).toBeVisible();
  await expect(thread.locator('[data-testid="unread-divider"] + li')).toContainText(question);

  const reply = `Yes — 3 PM with Sam works. e2e ${Date.now()}`;
  await thread.getByRole("textbox", { name: "Reply" }).fill(reply);
  await thread.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByText("Reply sent.")).toBeVisible();
  await expect(thread.getByRole("textbox", { name: "Reply" })).toHaveValue("");

  const sent = thread.locator('li[data-direction="outbound"]').filter({ hasText: reply });
  await expect(sent).toHaveCount(1);
  // The thread refreshes itself every few seconds as the sandbox reports delivery.
  await expect(sent).toHaveAttribute("data-status", "DELIVERED", { timeout: 30_000 });
  await expect(sent.getByTestId("delivery-state")).toHaveText("Delivered");
  await expect(sent).toContainText("Jordan Lee");
});
