// Text Twilio signed is the customer's: a NUL or an unpaired surrogate in it is stored as U+FFFD (the
// signature checked over the parameters as sent), never a 500; unsigned, it is a 403 like any forgery.
import { describe, expect, it } from "vitest";
import { createTextingSalon, setUpTextingServers } from "@/lib/testing/delivery-test-kit";
import { uniquePhone } from "@/lib/testing/factories";
import { countSalonRows, postInboundSms, smsParams, storedText } from "@/lib/testing/sms-test-kit";

const servers = setUpTextingServers();

describe("a signed webhook with text PostgreSQL can't store", () => {
  it("stores a NUL and an unpaired surrogate in Body as U+FFFD and answers 200", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const params = smsParams({ from: uniquePhone(), to: salon.twilioNumber ?? "", body: "see you\u0000 at 3\ud83d" });
    const res = await postInboundSms(params);
    expect(res.status).toBe(200);
    expect((await storedText(params.MessageSid ?? "")).body).toBe("see you\uFFFD at 3\uFFFD");
  });

  it("answers a NUL in the salon's number like an unknown number, not a 500", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const params = smsParams({ from: uniquePhone(), to: `${salon.twilioNumber}\u0000`, body: "hi" });
    expect((await postInboundSms(params)).status).toBeLessThan(500);
    expect((await countSalonRows(salon.id)).messages).toBe(0);
  });

  it("refuses the same unsigned with a 403", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const params = smsParams({ from: uniquePhone(), to: salon.twilioNumber ?? "", body: "a\u0000b" });
    expect((await postInboundSms(params, { token: null })).status).toBe(403);
  });
});
