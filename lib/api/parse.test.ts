// Hostile input through real route handlers: fields named like Object.prototype's properties and text
// PostgreSQL can't store (NUL, unpaired surrogates) are 422s with the field named, never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getAppointment } from "@/app/api/appointments/[id]/route";
import { POST as signUp } from "@/app/api/auth/signup/route";
import { GET as listConversations } from "@/app/api/telephony/conversations/route";
import { GET as listNotifications } from "@/app/api/telephony/notifications/route";
import { POST as sendSms } from "@/app/api/telephony/sms/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { createApiKey } from "@/lib/auth/api-keys";
import { apiRequest, idParams, noParams, createSalonWithOwner } from "@/lib/testing/auth-fixtures";

const BUILT_INS = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty"];
let key: string;

beforeAll(async () => {
  const { salonId } = await createSalonWithOwner();
  key = (await createApiKey(salonId, { name: "parse" })).plaintextKey;
});
afterAll(closeRateLimitStore);

/** The body as sent: raw JSON text, so a key like "__proto__" or an escape like \u0000 reaches the server as written. */
const postSms = (json: string) =>
  sendSms(apiRequest("/api/telephony/sms", { key, body: json, headers: { "content-type": "application/json" } }), noParams);

async function expectInvalid(res: Response, field: string) {
  expect(res.status).toBe(422);
  const body = await res.json();
  expect(body.code).toBe("validation_failed");
  expect(Object.hasOwn(body.fields, field)).toBe(true);
  expect(body.fields[field]).toEqual([expect.any(String)]);
  return body;
}

describe("fields named like built-in properties", () => {
  it.each(BUILT_INS)("%s in a JSON body is an unknown field (422), in the response as its own key", async (name) => {
    const body = await expectInvalid(await postSms(`{"${name}":1,"phone":"+14155550100","body":"hi"}`), name);
    expect(body.fields[name]).toEqual(["Unknown field."]);
  });

  it.each(BUILT_INS)("%s in a query string is an unknown parameter (422)", async (name) => {
    await expectInvalid(await listNotifications(apiRequest(`/api/telephony/notifications?${name}=1`, { key }), noParams), name);
  });

  it("on the public sign-up route too", async () => {
    const res = await signUp(apiRequest("/api/auth/signup", { body: '{"toString":1,"__proto__":{}}', headers: { "content-type": "application/json" } }));
    const body = await expectInvalid(res, "toString");
    expect(body.fields.__proto__).toEqual(["Unknown field."]);
  });
});

describe("text PostgreSQL can't store", () => {
  it.each([
    ["a NUL", String.raw`"hi\u0000there"`],
    ["an unpaired surrogate", String.raw`"hi\ud800"`],
    ["a lone low surrogate", String.raw`"\udc00hi"`],
  ])("%s in a JSON string is a 422 naming the field", async (_name, text) => {
    const body = await expectInvalid(await postSms(`{"phone":"+14155550100","body":${text}}`), "body");
    expect(body.fields.body[0]).toMatch(/NUL byte or an unpaired surrogate/);
  });

  it("in a JSON key or nested value, named by its path", async () => {
    await expectInvalid(await postSms(String.raw`{"phone":"+14155550100","body":"hi","x\u0000":1}`), "x\uFFFD");
    const res = await signUp(apiRequest("/api/auth/signup", { body: String.raw`{"salonName":["ok","A\u0000"]}`, headers: { "content-type": "application/json" } }));
    await expectInvalid(res, "salonName.1");
  });

  it("in a query value is a 422", async () => {
    await expectInvalid(await listConversations(apiRequest("/api/telephony/conversations?q=a%00b", { key }), noParams), "q");
  });

  it("in a path id is a 422", async () => {
    await expectInvalid(await getAppointment(apiRequest("/api/appointments/%00", { key }), idParams("\u0000")), "id");
    await expectInvalid(await getAppointment(apiRequest("/api/appointments/a%00b", { key }), idParams("a\u0000b")), "id");
  });
});
