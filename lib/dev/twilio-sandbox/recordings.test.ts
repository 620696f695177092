// Recordings through the real SDK (metadata) and over plain HTTP (media, as a browser or Bolt's
// proxy fetches it): Basic auth, accounts and subaccounts, formats, byte ranges.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getTwilioClient } from "@/lib/telephony/twilio";
import { newSid } from "./fixtures";
import { parseByteRange } from "./media";
import { MAIN_ACCOUNT, OTHER_ACCOUNT, SUB_ACCOUNT, startStandInForTests } from "@/lib/testing/twilio-sandbox";
import type { TwilioStandIn } from "./server";
import type { StandInAccount } from "./state";

let standIn: TwilioStandIn;

beforeAll(async () => {
  standIn = await startStandInForTests();
});
beforeEach(() => standIn.state.reset());
afterAll(() => standIn.close());

const basic = (a: StandInAccount) => `Basic ${Buffer.from(`${a.sid}:${a.authToken}`).toString("base64")}`;

function getMedia(path: string, opts: { as?: StandInAccount; range?: string } = {}) {
  const headers: Record<string, string> = { Authorization: basic(opts.as ?? MAIN_ACCOUNT) };
  if (opts.range) headers.Range = opts.range;
  return fetch(`${standIn.url}${path}`, { headers });
}

const recordingPath = (accountSid: string, sid: string, ext = "") => `/2010-04-01/Accounts/${accountSid}/Recordings/${sid}${ext}`;

function addRecording(accountSid = MAIN_ACCOUNT.sid, durationSeconds = 6) {
  return standIn.state.addRecording({ accountSid, callSid: `CA${"c".repeat(32)}`, durationSeconds });
}

describe("Recordings/{Sid}.json", () => {
  it("answers the Recording resource to the SDK", async () => {
    const recording = addRecording(MAIN_ACCOUNT.sid, 27);
    const fetched = await getTwilioClient().recordings(recording.sid).fetch();
    expect(fetched).toMatchObject({
      sid: recording.sid,
      accountSid: MAIN_ACCOUNT.sid,
      callSid: recording.callSid,
      duration: "27",
      status: "completed",
      source: "RecordVerb",
      channels: 1,
      mediaUrl: `https://api.twilio.com${recordingPath(MAIN_ACCOUNT.sid, recording.sid)}`,
    });
    expect(fetched.dateCreated.getTime()).toBe(Math.floor(recording.dateCreated.getTime() / 1000) * 1000);
  });

  it("lets a parent read its subaccount's recording, and nobody else's", async () => {
    const recording = addRecording(SUB_ACCOUNT.sid);
    expect((await getTwilioClient({ accountSid: SUB_ACCOUNT.sid }).recordings(recording.sid).fetch()).sid).toBe(recording.sid);
    // Under the main account's own path it does not exist.
    await expect(getTwilioClient().recordings(recording.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
    const other = getTwilioClient({ accountSid: OTHER_ACCOUNT.sid, authToken: OTHER_ACCOUNT.authToken });
    await expect(other.recordings(recording.sid).fetch()).rejects.toMatchObject({ status: 404 });
    expect((await getMedia(recordingPath(SUB_ACCOUNT.sid, recording.sid, ".mp3"), { as: OTHER_ACCOUNT })).status).toBe(401);
  });
});

describe("recording media", () => {
  it("serves WAV without an extension and for .wav, MP3 for .mp3, as long as the recording", async () => {
    const recording = addRecording(MAIN_ACCOUNT.sid, 3);
    for (const ext of ["", ".wav"]) {
      const res = await getMedia(recordingPath(MAIN_ACCOUNT.sid, recording.sid, ext));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("audio/x-wav");
      const wav = Buffer.from(await res.arrayBuffer());
      expect(wav.toString("ascii", 0, 4) + wav.toString("ascii", 8, 12)).toBe("RIFFWAVE");
      // 8 kHz, 16-bit mono: 16,000 bytes a second after the 44-byte header.
      expect(wav.length).toBe(44 + 3 * 16_000);
      expect(wav.readUInt32LE(24)).toBe(8000);
    }
    const mp3 = await getMedia(recordingPath(MAIN_ACCOUNT.sid, recording.sid, ".mp3"));
    expect(mp3.headers.get("content-type")).toBe("audio/mpeg");
    expect(mp3.headers.get("accept-ranges")).toBe("bytes");
    const bytes = Buffer.from(await mp3.arrayBuffer());
    // An MPEG audio frame header: 11 sync bits, then layer III.
    expect(bytes[0]).toBe(0xff);
    expect((bytes[1]! & 0xe0) === 0xe0 && (bytes[1]! & 0x06) === 0x02).toBe(true);
    // 32 kbps for 3 s is about 12 KB.
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(bytes.length).toBeLessThan(16_000);
  });

  it("sounds the same every time for the same sid, and different for another", async () => {
    const one = addRecording();
    const two = addRecording();
    const get = async (sid: string) => Buffer.from(await (await getMedia(recordingPath(MAIN_ACCOUNT.sid, sid, ".wav"))).arrayBuffer());
    expect((await get(one.sid)).equals(await get(one.sid))).toBe(true);
    expect((await get(one.sid)).equals(await get(two.sid))).toBe(false);
  });

  it("serves one byte range with 206 and Content-Range, and 416 past the end", async () => {
    const recording = addRecording(MAIN_ACCOUNT.sid, 2);
    const path = recordingPath(MAIN_ACCOUNT.sid, recording.sid, ".mp3");
    const whole = Buffer.from(await (await getMedia(path)).arrayBuffer());

    const part = await getMedia(path, { range: "bytes=100-299" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-299/${whole.length}`);
    expect(part.headers.get("content-length")).toBe("200");
    expect(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(100, 300))).toBe(true);

    const tail = await getMedia(path, { range: "bytes=-50" });
    expect(Buffer.from(await tail.arrayBuffer()).equals(whole.subarray(whole.length - 50))).toBe(true);

    const past = await getMedia(path, { range: `bytes=${whole.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${whole.length}`);

    // Several ranges at once may be ignored: the whole file.
    expect((await getMedia(path, { range: "bytes=0-1,5-6" })).status).toBe(200);
  });

  it("needs the account's credentials and answers 404 for an unknown sid", async () => {
    const recording = addRecording();
    const wrongToken = { ...MAIN_ACCOUNT, authToken: "wrong-token-0123456789" };
    const refused = await getMedia(recordingPath(MAIN_ACCOUNT.sid, recording.sid, ".mp3"), { as: wrongToken });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toContain("Basic");
    expect((await fetch(`${standIn.url}${recordingPath(MAIN_ACCOUNT.sid, recording.sid)}`)).status).toBe(401);

    const missing = await getMedia(recordingPath(MAIN_ACCOUNT.sid, newSid("RE"), ".mp3"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 20404, status: 404 });
  });

  it("fails the next media download on request, for outage tests", async () => {
    const recording = addRecording();
    standIn.state.failNextRequests(1, 503, { route: "media" });
    expect((await getMedia(recordingPath(MAIN_ACCOUNT.sid, recording.sid, ".mp3"))).status).toBe(503);
    expect((await getMedia(recordingPath(MAIN_ACCOUNT.sid, recording.sid, ".mp3"))).status).toBe(200);
  });
});

describe("MMS media", () => {
  it("serves a message's attachment with its content type, to its account only", async () => {
    const messageSid = newSid("MM");
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const media = standIn.state.addMessageMedia({ accountSid: SUB_ACCOUNT.sid, messageSid, contentType: "image/png", bytes });
    const path = `/2010-04-01/Accounts/${SUB_ACCOUNT.sid}/Messages/${messageSid}/Media/${media.sid}`;
    const res = await getMedia(path);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    expect((await getMedia(path.replace(SUB_ACCOUNT.sid, MAIN_ACCOUNT.sid))).status).toBe(404);
    expect((await getMedia(path, { as: OTHER_ACCOUNT })).status).toBe(401);
  });
});

describe("parseByteRange", () => {
  it("reads the forms browsers send and refuses what cannot be served", () => {
    expect(parseByteRange("bytes=0-", 10)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange("bytes=2-4", 10)).toEqual({ start: 2, end: 4 });
    expect(parseByteRange("bytes=5-100", 10)).toEqual({ start: 5, end: 9 });
    expect(parseByteRange("bytes=-3", 10)).toEqual({ start: 7, end: 9 });
    expect(parseByteRange("bytes=-30", 10)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange("bytes=10-", 10)).toBe("unsatisfiable");
    expect(parseByteRange("bytes=4-2", 10)).toBe("unsatisfiable");
    expect(parseByteRange("bytes=-0", 10)).toBe("unsatisfiable");
    expect(parseByteRange(undefined, 10)).toBeNull();
    expect(parseByteRange("items=0-1", 10)).toBeNull();
    expect(parseByteRange("bytes=-", 10)).toBeNull();
  });
});

describe("recordings the sandbox was not handed", () => {
  // What `npm start` does at 1M rows: nothing is loaded up front, the source (there: the database) is asked.
  function serveFrom(known: Record<string, StandInAccount>) {
    const asked: string[] = [];
    standIn.state.serveRecordingsFrom(async (sid) => {
      asked.push(sid);
      const account = known[sid];
      return account ? { accountSid: account.sid, callSid: `CA${"d".repeat(32)}`, durationSeconds: 2 } : null;
    });
    return asked;
  }

  it("are looked up on their first request, served like registered ones, and asked for only once", async () => {
    const sid = newSid("RE");
    const asked = serveFrom({ [sid]: MAIN_ACCOUNT });
    expect((await getTwilioClient().recordings(sid).fetch()).duration).toBe("2");
    const wav = await getMedia(recordingPath(MAIN_ACCOUNT.sid, sid, ".wav"));
    expect(wav.status).toBe(200);
    expect((await wav.arrayBuffer()).byteLength).toBe(44 + 2 * 16_000);
    expect(asked).toEqual([sid]);
  });

  it("stay another account's, and an unknown sid is still a 404", async () => {
    const theirs = newSid("RE");
    serveFrom({ [theirs]: OTHER_ACCOUNT });
    expect((await getMedia(recordingPath(MAIN_ACCOUNT.sid, theirs, ".mp3"))).status).toBe(404);
    expect((await getMedia(recordingPath(MAIN_ACCOUNT.sid, newSid("RE"), ".mp3"))).status).toBe(404);
  });

  it("are forgotten with the source on reset", async () => {
    const sid = newSid("RE");
    serveFrom({ [sid]: MAIN_ACCOUNT });
    standIn.state.reset();
    expect((await getMedia(recordingPath(MAIN_ACCOUNT.sid, sid, ".mp3"))).status).toBe(404);
  });
});
