// lib/env.ts: BOLT_SANDBOX_NOW is accepted only with the Twilio sandbox (or a stand-in on this machine).
import { afterEach, describe, expect, it, vi } from "vitest";
import { getEnv, reloadEnv } from "@/lib/env";

const REAL_SID = `AC${"a".repeat(32)}`;

function envWith(vars: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  reloadEnv();
  return getEnv;
}

afterEach(() => {
  vi.unstubAllEnvs();
  reloadEnv();
});

describe("BOLT_SANDBOX_NOW", () => {
  const sandboxNow = "2026-12-09T11:00:00-08:00";

  it.each([
    ["no Twilio credentials", { TWILIO_ACCOUNT_SID: undefined, TWILIO_AUTH_TOKEN: undefined, TWILIO_API_BASE_URL: undefined }],
    ["the sandbox on this machine", { TWILIO_ACCOUNT_SID: REAL_SID, TWILIO_AUTH_TOKEN: "t".repeat(32), TWILIO_API_BASE_URL: "http://127.0.0.1:3101" }],
    ["a stand-in at localhost", { TWILIO_ACCOUNT_SID: REAL_SID, TWILIO_AUTH_TOKEN: "t".repeat(32), TWILIO_API_BASE_URL: "http://localhost:4010" }],
  ])("is accepted with %s", (_name, twilio) => {
    expect(envWith({ ...twilio, BOLT_SANDBOX_NOW: sandboxNow })().BOLT_SANDBOX_NOW).toBe(sandboxNow);
  });

  it.each([
    ["real credentials", { TWILIO_API_BASE_URL: undefined }],
    ["real credentials sent elsewhere", { TWILIO_API_BASE_URL: "https://twilio-proxy.example.com" }],
  ])("stops the app, naming it, with %s", (_name, twilio) => {
    const read = envWith({ TWILIO_ACCOUNT_SID: REAL_SID, TWILIO_AUTH_TOKEN: "t".repeat(32), ...twilio, BOLT_SANDBOX_NOW: sandboxNow });
    expect(read).toThrow(/BOLT_SANDBOX_NOW: BOLT_SANDBOX_NOW is for the Twilio sandbox only/);
  });

  it("must be an instant with its offset", () => {
    expect(envWith({ BOLT_SANDBOX_NOW: "2026-12-09T11:00:00" })).toThrow(/BOLT_SANDBOX_NOW: .*with its offset/);
    expect(envWith({ BOLT_SANDBOX_NOW: "next tuesday" })).toThrow(/BOLT_SANDBOX_NOW/);
  });

  it("is unset by default", () => {
    expect(envWith({ BOLT_SANDBOX_NOW: undefined })().BOLT_SANDBOX_NOW).toBeUndefined();
  });
});

describe("RECEPTIONIST_ENGINE=llm", () => {
  const model = { LLM_BASE_URL: "http://127.0.0.1:4020/v1", LLM_MODEL: "gpt-4o-mini" };

  it("is off by default (nlu), and needs no LLM_* variables", () => {
    const env = envWith({ RECEPTIONIST_ENGINE: undefined, LLM_BASE_URL: undefined, LLM_MODEL: undefined })();
    expect(env.RECEPTIONIST_ENGINE).toBe("nlu");
  });

  it.each([
    ["no base URL", { ...model, LLM_BASE_URL: undefined }],
    ["no model", { ...model, LLM_MODEL: undefined }],
  ])("stops the app, naming what is missing, with %s", (_name, vars) => {
    expect(envWith({ RECEPTIONIST_ENGINE: "llm", ...vars })).toThrow(/RECEPTIONIST_ENGINE: RECEPTIONIST_ENGINE=llm needs LLM_BASE_URL .* and LLM_MODEL/);
  });

  it("starts with a base URL and a model; the key is optional and the timeout has a default", () => {
    const env = envWith({ RECEPTIONIST_ENGINE: "llm", ...model, LLM_API_KEY: undefined, LLM_TIMEOUT_MS: undefined })();
    expect(env).toMatchObject({ RECEPTIONIST_ENGINE: "llm", ...model, LLM_TIMEOUT_MS: 2_000 });
    expect(env.LLM_API_KEY).toBeUndefined();
  });
});
