// The transport under the Twilio SDK: what reaches the wire (through the real SDK), how answers
// and failures come back to the SDK, timeouts, redirects, and the base-URL rewrite.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TwilioHttpClient, encodeForm, rewriteTwilioUri } from "@/lib/telephony/http-client";

const SID = `AC${"1".repeat(32)}`;
const TOKEN = "token-0123456789abcdef";

type Seen = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const seen: Seen[] = [];
let answer: Handler;
let base: string;
const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  seen.push({
    method: req.method ?? "",
    url: req.url ?? "",
    headers: req.headers,
    body: Buffer.concat(chunks).toString(),
  });
  answer(req, res);
});

const json =
  (status: number, body: unknown): Handler =>
  (_req, res) => {
    res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  };
const messageJson = {
  sid: `SM${"a".repeat(32)}`,
  account_sid: SID,
  status: "queued",
  body: "hi",
  error_code: null,
};

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  seen.length = 0;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
);

const sdk = (timeoutMs?: number) =>
  twilio(SID, TOKEN, { httpClient: new TwilioHttpClient({ baseUrl: base, timeoutMs }) });

describe("rewriteTwilioUri", () => {
  it("swaps scheme and host for any Twilio domain, keeping path and query", () => {
    const to = "http://127.0.0.1:4010";
    expect(
      rewriteTwilioUri("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?PageSize=2&Page=1", to),
    ).toBe("http://127.0.0.1:4010/2010-04-01/Accounts/AC1/Messages.json?PageSize=2&Page=1");
    expect(rewriteTwilioUri("https://messaging.twilio.com/v1/Services", `${to}/`)).toBe(
      "http://127.0.0.1:4010/v1/Services",
    );
    expect(
      rewriteTwilioUri("https://api.twilio.com/2010-04-01/Accounts.json", "http://sandbox.local/twilio"),
    ).toBe("http://sandbox.local/twilio/2010-04-01/Accounts.json");
  });
});

describe("encodeForm", () => {
  it("encodes like the SDK's own client: arrays repeat, undefined is left out, null is empty", () => {
    const form = new URLSearchParams(
      encodeForm({
        To: "+14155551234",
        Body: "Café & co = 100%",
        MediaUrl: ["https://a/1.jpg", "https://a/2.jpg"],
        Skip: undefined,
        Empty: null,
        Count: 2,
        Flag: true,
      }),
    );
    expect([...form]).toEqual([
      ["To", "+14155551234"],
      ["Body", "Café & co = 100%"],
      ["MediaUrl", "https://a/1.jpg"],
      ["MediaUrl", "https://a/2.jpg"],
      ["Empty", ""],
      ["Count", "2"],
      ["Flag", "true"],
    ]);
  });
});

describe("TwilioHttpClient under the SDK", () => {
  it("sends the SDK's request to the base URL: path, Basic auth, the SDK's headers and the form body", async () => {
    answer = json(201, messageJson);
    const message = await sdk().messages.create({
      to: "+14155551234",
      from: "+14155550100",
      body: "hi there",
      mediaUrl: ["https://x/1.png", "https://x/2.png"],
    });

    expect(message.sid).toBe(messageJson.sid);
    const [req] = seen;
    expect(req).toMatchObject({ method: "POST", url: `/2010-04-01/Accounts/${SID}/Messages.json` });
    expect(req?.headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString("base64")}`);
    expect(req?.headers["user-agent"]).toMatch(/^twilio-node\//);
    expect(req?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(req?.headers.accept).toBe("application/json");
    const form = new URLSearchParams(req?.body);
    expect(form.get("To")).toBe("+14155551234");
    expect(form.get("Body")).toBe("hi there");
    expect(form.getAll("MediaUrl")).toEqual(["https://x/1.png", "https://x/2.png"]);
  });

  it("puts a list's filters in the query string", async () => {
    answer = json(200, { messages: [], next_page_uri: null, page: 0, page_size: 20 });
    await sdk().messages.list({ to: "+14155551234", from: "+14155550100", limit: 20 });
    const url = new URL(seen[0]?.url ?? "", base);
    expect(url.pathname).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(url.searchParams.get("To")).toBe("+14155551234");
    expect(url.searchParams.get("From")).toBe("+14155550100");
    expect(url.searchParams.get("PageSize")).toBe("20");
  });

  it("hands error answers to the SDK, which raises its RestException with Twilio's code", async () => {
    answer = json(400, {
      code: 21211,
      message: "The 'To' number is not a valid phone number.",
      more_info: "",
      status: 400,
    });
    const error = await sdk()
      .messages.create({ to: "+1", from: "+14155550100", body: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 400, code: 21211 });
  });

  it("fails a request that gets no answer within the timeout, without an HTTP status", async () => {
    answer = () => undefined; // never answers
    const error = await sdk(150)
      .messages.create({ to: "+14155551234", from: "+14155550100", body: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as { status?: unknown }).status).toBeUndefined();
    expect(String(error)).toMatch(/timeout/i);
  });

  it("fails with a network error, without an HTTP status, when nothing listens", async () => {
    const dead = twilio(SID, TOKEN, { httpClient: new TwilioHttpClient({ baseUrl: "http://127.0.0.1:9" }) });
    const error = await dead.messages.list({ limit: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as { status?: unknown }).status).toBeUndefined();
  });

  it("follows redirects only when the SDK allows them", async () => {
    const client = new TwilioHttpClient({ baseUrl: base });
    answer = (req, res) => {
      if (req.url === "/moved") res.writeHead(302, { Location: "/here" }).end();
      else json(200, { ok: true })(req, res);
    };
    const followed = await client.request({
      method: "get",
      uri: "https://api.twilio.com/moved",
      allowRedirects: true,
    });
    expect(followed.statusCode).toBe(200);
    expect(JSON.parse(followed.body as string)).toEqual({ ok: true });
    const notFollowed = await client.request({ method: "get", uri: "https://api.twilio.com/moved" });
    expect(notFollowed.statusCode).toBe(302);
  });

  it("streams media as bytes, and drops the credentials when a redirect leaves for another host", async () => {
    // Every byte value, including sequences that are not valid UTF-8 (text decoding would mangle them).
    const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));
    const cdn = base.replace("127.0.0.1", "localhost");
    answer = (req, res) => {
      if (req.url?.endsWith(".mp3")) res.writeHead(307, { Location: `${cdn}/cdn/file` }).end();
      else res.writeHead(200, { "Content-Type": "audio/mpeg" }).end(bytes);
    };
    const client = new TwilioHttpClient({ baseUrl: base });
    const res = await client.requestStream({
      method: "get",
      uri: `https://api.twilio.com/2010-04-01/Accounts/${SID}/Recordings/RE1.mp3`,
      username: SID,
      password: TOKEN,
      allowRedirects: true,
    });
    expect(res.statusCode).toBe(200);
    expect(Buffer.from(await new Response(res.body).arrayBuffer()).equals(bytes)).toBe(true);
    expect(seen.map((r) => [r.url, Boolean(r.headers.authorization)])).toEqual([
      [`/2010-04-01/Accounts/${SID}/Recordings/RE1.mp3`, true],
      ["/cdn/file", false],
    ]);
  });
});
