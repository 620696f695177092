// Texts Twilio's Advanced Opt-Out has already answered arrive with OptOutType (STOP, START or HELP):
// Bolt records the consent change they make but sends no second answer, whether the webhook acts on
// the text or the worker's sweep does later. Which keyword it is comes from Twilio, whose keyword
// list the salon may have extended.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { retryUnprocessedTexts } from "@/lib/messaging/retry-unprocessed-texts";
import { createTextingSalon } from "@/lib/testing/delivery-test-kit";
import { createCustomer, uniquePhone } from "@/lib/testing/factories";
import {
  notificationsOf,
  postInboundSms,
  setUpTextingServersForSweeps,
  smsParams,
  storedText,
  storeWithoutActing,
} from "@/lib/testing/sms-test-kit";

const servers = setUpTextingServersForSweeps();

async function salonAndCustomer(smsConsent: "OPTED_IN" | "OPTED_OUT" = "OPTED_IN") {
  const salon = await createTextingSalon(servers.standIn);
  const customer = await createCustomer(salon.id, { phone: uniquePhone(), smsConsent, firstTextedAt: new Date(0) });
  return { salon, customer };
}

const consentOf = async (id: string) => (await db.customer.findUniqueOrThrow({ where: { id } })).smsConsent;

function answered(salon: { twilioNumber: string | null }, from: string, body: string, optOutType: string): Record<string, string> {
  return { ...smsParams({ from, to: salon.twilioNumber ?? "", body }), OptOutType: optOutType };
}

describe("a keyword Twilio already answered (OptOutType)", () => {
  it.each([
    ["STOP", "STOP", "OPTED_IN", "OPTED_OUT"],
    ["START", "START", "OPTED_OUT", "OPTED_IN"],
    ["HELP", "HELP", "OPTED_IN", "OPTED_IN"],
    // A keyword the salon added to its Messaging Service, which Bolt's own list doesn't know.
    ["ARRET", "STOP", "OPTED_IN", "OPTED_OUT"],
  ] as const)("%s (OptOutType=%s): consent %s → %s, and no reply from Bolt", async (body, optOutType, before, after) => {
    const { salon, customer } = await salonAndCustomer(before);
    const params = answered(salon, customer.phone, body, optOutType);
    expect((await postInboundSms(params)).status).toBe(200);
    expect(await consentOf(customer.id)).toBe(after);
    expect(await notificationsOf(salon.id)).toEqual([]);
    expect(await storedText(params.MessageSid!)).toMatchObject({ keyword: optOutType, answeredByProvider: true });
    expect((await storedText(params.MessageSid!)).processedAt).not.toBeNull();
  });

  it("is still answered by Bolt without OptOutType (the number is not in a Messaging Service that answers)", async () => {
    const { salon, customer } = await salonAndCustomer();
    await postInboundSms(smsParams({ from: customer.phone, to: salon.twilioNumber ?? "", body: "STOP" }));
    expect(await consentOf(customer.id)).toBe("OPTED_OUT");
    expect((await notificationsOf(salon.id)).map((n) => n.kind)).toEqual(["KEYWORD_REPLY"]);
  });

  it("gets no reply when the sweep acts on it after its webhook died", async () => {
    const { salon, customer } = await salonAndCustomer();
    const receivedAt = new Date("2026-11-20T15:00:00Z");
    const params = answered(salon, customer.phone, "STOP", "STOP");
    await storeWithoutActing(salon.id, params, receivedAt);
    expect(await retryUnprocessedTexts(() => new Date(receivedAt.getTime() + 3 * 60_000))).toBe(1);
    expect(await consentOf(customer.id)).toBe("OPTED_OUT");
    expect(await notificationsOf(salon.id)).toEqual([]);
  });
});
