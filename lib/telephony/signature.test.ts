// Signature helpers: computed and checked only by the SDK's functions, over the public URL.
import { afterEach, describe, expect, it, vi } from "vitest";
import { reloadEnv } from "@/lib/env";
import { buildWebhookUrl, readTwilioForm, signTwilioRequest, verifyTwilioSignature } from "@/lib/telephony/signature";

const TOKEN = "salon-a-token-0123456789abcdef";
const OTHER_TOKEN = "salon-b-token-0123456789abcdef";
const URL_SIGNED = "https://bolt.example.com/api/webhooks/twilio/sms?salon=luxe";
const PARAMS = { From: "+14155551234", To: "+14155550100", Body: "C", MessageSid: `SM${"a".repeat(32)}` };

afterEach(() => {
  vi.unstubAllEnvs();
  reloadEnv();
});

describe("verifyTwilioSignature", () => {
  const signature = signTwilioRequest(TOKEN, URL_SIGNED, PARAMS);
  const verify = (overrides: Partial<Parameters<typeof verifyTwilioSignature>[0]>) =>
    verifyTwilioSignature({ url: URL_SIGNED, params: PARAMS, signature, authToken: TOKEN, ...overrides });

  it("accepts Twilio's signature for the exact URL and params", () => {
    expect(signature).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(verify({})).toBe(true);
  });

  it("rejects a missing or empty signature", () => {
    expect(verify({ signature: null })).toBe(false);
    expect(verify({ signature: undefined })).toBe(false);
    expect(verify({ signature: "" })).toBe(false);
  });

  it("rejects a wrong signature, tampered params, another URL and another account's token", () => {
    expect(verify({ signature: signature.replace(/^./, (c) => (c === "A" ? "B" : "A")) })).toBe(false);
    expect(verify({ params: { ...PARAMS, Body: "STOP" } })).toBe(false);
    expect(verify({ params: { ...PARAMS, Extra: "1" } })).toBe(false);
    expect(verify({ url: "https://bolt.example.com/api/webhooks/twilio/sms?salon=other" })).toBe(false);
    expect(verify({ url: "https://evil.example.com/api/webhooks/twilio/sms?salon=luxe" })).toBe(false);
    expect(verify({ authToken: OTHER_TOKEN })).toBe(false);
    expect(verify({ signature: signature.slice(0, -1) })).toBe(false);
    expect(verify({ signature: `${signature}=` })).toBe(false);
  });

  it("fails closed without a token or with an unparseable URL", () => {
    expect(verify({ authToken: "" })).toBe(false);
    expect(verify({ authToken: null })).toBe(false);
    expect(verify({ url: "not a url" })).toBe(false);
  });

  it("accepts the same URL with an explicit default port (the SDK's rule)", () => {
    expect(verify({ url: "https://bolt.example.com:443/api/webhooks/twilio/sms?salon=luxe" })).toBe(true);
  });

  it("accepts a signature made over the URL without its port, as the SDK's variants do", () => {
    const local = "http://127.0.0.1:3000/api/webhooks/twilio/voice";
    const signedWithoutPort = signTwilioRequest(TOKEN, "http://127.0.0.1/api/webhooks/twilio/voice", PARAMS);
    expect(verify({ url: local, signature: signedWithoutPort })).toBe(true);
    expect(verify({ url: local, signature: signTwilioRequest(TOKEN, local, PARAMS) })).toBe(true);
    expect(verify({ url: local, signature: signTwilioRequest(OTHER_TOKEN, local, PARAMS) })).toBe(false);
  });
});

describe("buildWebhookUrl", () => {
  it("joins PUBLIC_BASE_URL and the path with its query, never a Host header", () => {
    vi.stubEnv("PUBLIC_BASE_URL", "https://bolt.example.com/");
    reloadEnv();
    expect(buildWebhookUrl("/api/webhooks/twilio/sms?salon=luxe")).toBe(URL_SIGNED);
    expect(buildWebhookUrl("api/webhooks/twilio/voice")).toBe("https://bolt.example.com/api/webhooks/twilio/voice");
  });

  it("keeps a path prefix in PUBLIC_BASE_URL and the query exactly as given", () => {
    vi.stubEnv("PUBLIC_BASE_URL", "https://example.com/bolt");
    reloadEnv();
    expect(buildWebhookUrl("/api/x?a=1&b=%27q%27")).toBe("https://example.com/bolt/api/x?a=1&b=%27q%27");
  });
});

describe("readTwilioForm", () => {
  it("parses the form body and picks up X-Twilio-Signature", async () => {
    const req = new Request(URL_SIGNED, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": "sig=" },
      body: new URLSearchParams({ ...PARAMS, Body: "Hi there & welcome 👋" }).toString(),
    });
    const { params, signature } = await readTwilioForm(req);
    expect(signature).toBe("sig=");
    expect(params).toEqual({ ...PARAMS, Body: "Hi there & welcome 👋" });
  });

  it("returns a null signature when the header is absent, and round-trips with verify", async () => {
    const body = new URLSearchParams(PARAMS).toString();
    expect((await readTwilioForm(new Request(URL_SIGNED, { method: "POST", body }))).signature).toBeNull();
    const signed = new Request(URL_SIGNED, {
      method: "POST",
      headers: { "X-Twilio-Signature": signTwilioRequest(TOKEN, URL_SIGNED, PARAMS) },
      body,
    });
    const form = await readTwilioForm(signed);
    expect(verifyTwilioSignature({ url: URL_SIGNED, ...form, authToken: TOKEN })).toBe(true);
  });
});
