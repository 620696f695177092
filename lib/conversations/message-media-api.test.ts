// GET /api/telephony/inbound-messages/:id/media/:index through the real route and the Twilio stand-in:
// the attachment as Twilio has it, salon isolation, and credentials sent to Twilio's media URLs only.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as mediaRoute } from "@/app/api/telephony/inbound-messages/[id]/media/[index]/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { createApiKey } from "@/lib/auth/api-keys";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { newSid } from "@/lib/dev/twilio-sandbox/fixtures";
import { MAIN_ACCOUNT, OTHER_ACCOUNT, startStandInForTests } from "@/lib/testing/twilio-sandbox";
import { addMember, apiRequest, createSalonWithOwner, sessionCookieFor } from "@/lib/testing/auth-fixtures";
import { createCustomer, createInboundMessage, createSalon } from "@/lib/testing/factories";

let standIn: TwilioStandIn;
let salonId: string;
let key: string;
let cookie: string;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0xff]);

beforeAll(async () => {
  standIn = await startStandInForTests();
  salonId = (await createSalonWithOwner()).salonId;
  key = (await createApiKey(salonId, { name: "media", role: "STAFF" })).plaintextKey;
  cookie = await sessionCookieFor((await addMember(salonId, "STAFF")).userId, salonId);
});
beforeEach(() => standIn.state.reset());
afterAll(async () => {
  await standIn.close();
  await closeRateLimitStore();
});

/** A picture message whose attachments the stand-in holds (main account), plus any extra URLs. */
async function pictureMessage(salon: string, attachments: Array<{ contentType: string; bytes: Uint8Array }>, extraUrls: string[] = []) {
  const messageSid = newSid("MM");
  const urls = attachments.map((a) => {
    const media = standIn.state.addMessageMedia({ accountSid: MAIN_ACCOUNT.sid, messageSid, ...a });
    return `https://api.twilio.com/2010-04-01/Accounts/${MAIN_ACCOUNT.sid}/Messages/${messageSid}/Media/${media.sid}`;
  });
  const customer = await createCustomer(salon);
  return createInboundMessage(salon, customer, { messageSid, body: "", numMedia: urls.length, mediaUrls: [...urls, ...extraUrls] });
}

function getMedia(id: string, index: number | string, auth: { key?: string; cookie?: string } = { key }, query = "") {
  const req = apiRequest(`/api/telephony/inbound-messages/${id}/media/${index}${query}`, auth);
  return mediaRoute(req, { params: Promise.resolve({ id, index: String(index) }) });
}

describe("GET /api/telephony/inbound-messages/:id/media/:index", () => {
  it("relays the attachment with Twilio's content type, for an API key or a session", async () => {
    const message = await pictureMessage(salonId, [{ contentType: "image/png", bytes: PNG }]);
    for (const auth of [{ key }, { cookie }]) {
      const res = await getMedia(message.id, 0, auth);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(res.headers.get("content-disposition")).toBe('inline; filename="attachment-1.png"');
      expect(res.headers.get("cache-control")).toMatch(/^private/);
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
    }
    const download = await getMedia(message.id, 0, { key }, "?download=1");
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="attachment-1.png"');
  });

  it("never shows a page-like attachment inline", async () => {
    const message = await pictureMessage(salonId, [{ contentType: "text/html", bytes: new TextEncoder().encode("<script>alert(1)</script>") }]);
    const res = await getMedia(message.id, 0);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="attachment-1"');
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers 404 for another salon's message and for an attachment it doesn't have; 422 past Twilio's ten", async () => {
    const theirs = await pictureMessage((await createSalon()).id, [{ contentType: "image/png", bytes: PNG }]);
    const other = await getMedia(theirs.id, 0);
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ code: "not_found", message: "Message not found." });

    const mine = await pictureMessage(salonId, [{ contentType: "image/png", bytes: PNG }]);
    const missing = await getMedia(mine.id, 3);
    expect(await missing.json()).toEqual({ code: "attachment_not_found", message: "This message has no such attachment." });
    expect((await getMedia(mine.id, 10)).status).toBe(422);
    expect((await getMedia(mine.id, "first")).status).toBe(422);
  });

  it("sends Twilio credentials only to Twilio's media URLs of the salon's own account", async () => {
    const foreign = `https://api.twilio.com/2010-04-01/Accounts/${OTHER_ACCOUNT.sid}/Messages/${newSid("MM")}/Media/${newSid("ME")}`;
    const message = await pictureMessage(salonId, [], [
      "https://media.example.com/picture.png",
      `http://api.twilio.com/2010-04-01/Accounts/${MAIN_ACCOUNT.sid}/Messages/${newSid("MM")}/Media/${newSid("ME")}`,
      foreign,
    ]);
    // Were any of them fetched, this failure would be consumed and the answer a 502.
    standIn.state.failNextRequests(1, 500, { route: "media" });
    for (const index of [0, 1, 2]) {
      const res = await getMedia(message.id, index);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ code: "attachment_not_found", message: "This attachment isn't stored at Twilio." });
    }
    expect(standIn.state.takeInjectedFailure("media")).toBeDefined();
  });

  it("answers 502 when Twilio fails", async () => {
    const message = await pictureMessage(salonId, [{ contentType: "image/jpeg", bytes: PNG }]);
    standIn.state.failNextRequests(1, 500, { route: "media" });
    const res = await getMedia(message.id, 0);
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ code: "twilio_unavailable", message: "Twilio didn't send the attachment. Try again in a minute." });
  });
});
