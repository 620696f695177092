// The route wrapper end to end: real route handlers, real PostgreSQL, API keys and session cookies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getSalon, PATCH as patchSalon } from "@/app/api/salon/route";
import { withSalon } from "@/lib/api/with-salon";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import {
  addMember,
  apiRequest,
  createSalonWithOwner,
  noParams,
  sessionCookieFor,
} from "@/lib/testing/auth-fixtures";

let salon: Awaited<ReturnType<typeof createSalonWithOwner>>;
let ownerKey: string;
let staffKey: string;

beforeAll(async () => {
  salon = await createSalonWithOwner({ salonName: "Wrapper Salon" });
  ownerKey = (await createApiKey(salon.salonId, { name: "owner" })).plaintextKey;
  staffKey = (await createApiKey(salon.salonId, { name: "staff", role: "STAFF" })).plaintextKey;
});

afterAll(closeRateLimitStore);

const patch = (json: unknown, key = ownerKey) =>
  patchSalon(apiRequest("/api/salon", { method: "PATCH", key, json }), noParams);

describe("authentication", () => {
  it("accepts a valid API key and returns that salon", async () => {
    const res = await getSalon(apiRequest("/api/salon", { key: ownerKey }), noParams);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(res.headers.get("x-ratelimit-limit")).toBe("100");
    const body = await res.json();
    expect(body.data).toMatchObject({ id: salon.salonId, name: "Wrapper Salon" });
    expect(body.data).not.toHaveProperty("stripeCustomerId");
  });

  it("rejects missing, unknown, malformed and revoked keys with 401", async () => {
    const { plaintextKey, apiKey } = await createApiKey(salon.salonId, { name: "soon revoked" });
    await revokeApiKey(salon.salonId, apiKey.id);
    const attempts = [
      apiRequest("/api/salon"),
      apiRequest("/api/salon", { key: plaintextKey }),
      apiRequest("/api/salon", { key: `bolt_live_${"x".repeat(32)}` }),
      apiRequest("/api/salon", { key: "not-a-key" }),
      apiRequest("/api/salon", { headers: { authorization: `Basic ${ownerKey}` } }),
    ];
    for (const req of attempts) {
      const res = await getSalon(req, noParams);
      expect(res.status).toBe(401);
      expect((await res.json()).code).toBe("unauthorized");
    }
  });

  it("records when a key was last used", async () => {
    const { plaintextKey, apiKey } = await createApiKey(salon.salonId, { name: "usage" });
    expect(apiKey.lastUsedAt).toBeNull();
    await getSalon(apiRequest("/api/salon", { key: plaintextKey }), noParams);
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(stored.lastUsedAt).toBeInstanceOf(Date);
  });

  it("accepts a session cookie and reads the role from the database each time", async () => {
    const member = await addMember(salon.salonId, "STAFF");
    const cookie = await sessionCookieFor(member.userId, salon.salonId);
    expect((await getSalon(apiRequest("/api/salon", { cookie }), noParams)).status).toBe(200);
    expect(
      (
        await patchSalon(
          apiRequest("/api/salon", { method: "PATCH", cookie, json: { city: "Austin" } }),
          noParams,
        )
      ).status,
    ).toBe(403);

    await db.membership.updateMany({ where: { userId: member.userId }, data: { role: "OWNER" } });
    expect(
      (
        await patchSalon(
          apiRequest("/api/salon", { method: "PATCH", cookie, json: { city: "Austin" } }),
          noParams,
        )
      ).status,
    ).toBe(200);

    await db.membership.deleteMany({ where: { userId: member.userId } });
    expect((await getSalon(apiRequest("/api/salon", { cookie }), noParams)).status).toBe(401);
  });

  it("rejects a forged or foreign-salon session cookie", async () => {
    const other = await createSalonWithOwner();
    const foreign = await sessionCookieFor(salon.userId, other.salonId);
    expect((await getSalon(apiRequest("/api/salon", { cookie: foreign }), noParams)).status).toBe(401);
    const forged = "authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..x.y.z";
    expect((await getSalon(apiRequest("/api/salon", { cookie: forged }), noParams)).status).toBe(401);
  });
});

describe("roles", () => {
  it("lets a staff key read but not change settings", async () => {
    expect((await getSalon(apiRequest("/api/salon", { key: staffKey }), noParams)).status).toBe(200);
    const res = await patch({ city: "Denver" }, staffKey);
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe("forbidden");
  });
});

describe("body parsing and validation", () => {
  it("updates the profile with valid input", async () => {
    const res = await patch({
      city: "Portland",
      phone: "+14155550142",
      timeZone: "America/Los_Angeles",
      addressLine2: "",
    });
    expect(res.status).toBe(200);
    expect((await res.json()).data).toMatchObject({
      city: "Portland",
      phone: "+14155550142",
      timeZone: "America/Los_Angeles",
      addressLine2: null,
    });
  });

  it("answers 400 invalid_json for malformed JSON", async () => {
    const req = apiRequest("/api/salon", {
      method: "PATCH",
      key: ownerKey,
      body: '{"city": ',
      headers: { "content-type": "application/json" },
    });
    const res = await patchSalon(req, noParams);
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe("invalid_json");
  });

  it("answers 415 for a non-JSON content type", async () => {
    const req = apiRequest("/api/salon", {
      method: "PATCH",
      key: ownerKey,
      body: "city=Reno",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const res = await patchSalon(req, noParams);
    expect(res.status).toBe(415);
    expect((await res.json()).code).toBe("unsupported_media_type");
  });

  it("answers 413 past 64 KB, with or without a Content-Length", async () => {
    const big = JSON.stringify({ city: "x".repeat(70 * 1024) });
    const res = await patchSalon(
      apiRequest("/api/salon", {
        method: "PATCH",
        key: ownerKey,
        body: big,
        headers: { "content-type": "application/json" },
      }),
      noParams,
    );
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe("payload_too_large");

    const stream = new Blob([big]).stream();
    const streamed = new Request("http://localhost:3000/api/salon", {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${ownerKey}`,
        "content-type": "application/json",
        "x-forwarded-for": "10.9.9.9",
      },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await patchSalon(streamed, noParams)).status).toBe(413);
  });

  it("answers 422 with field messages for unknown fields and invalid values", async () => {
    const res = await patch({
      city: "Reno",
      stripeCustomerId: "cus_123",
      phone: "555-0142",
      timeZone: "Mars/Olympus_Mons",
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.code).toBe("validation_failed");
    expect(Object.keys(body.fields).sort()).toEqual(["phone", "stripeCustomerId", "timeZone"]);
    expect(body.fields.stripeCustomerId).toEqual(["Unknown field."]);
  });

  // The shared phone schema normalises what people type ("(415) 555-0142" → "+14155550142"); what can't
  // become a valid E.164 number is refused.
  it("stores phones in E.164", async () => {
    const res = await patch({ forwardingPhone: "(415) 555-0142" });
    expect((await res.json()).data.forwardingPhone).toBe("+14155550142");
  });

  it.each([["555-0142"], ["+1415555"], ["phone"], ["+999123456789"]])(
    "rejects non-E.164 phone %s",
    async (phone) => {
      const res = await patch({ forwardingPhone: phone });
      expect(res.status).toBe(422);
      expect((await res.json()).fields.forwardingPhone).toHaveLength(1);
    },
  );

  it.each([["Mars/Olympus"], ["+02:00"], ["America/"], [""]])(
    "rejects impossible time zone %j",
    async (timeZone) => {
      const res = await patch({ timeZone });
      expect(res.status).toBe(422);
      expect((await res.json()).fields.timeZone).toBeDefined();
    },
  );
});

describe("unexpected errors", () => {
  it("answers 500 with a request id and no internals", async () => {
    const route = withSalon(async () => {
      throw new Error('relation "salons" does not exist: SELECT "passwordHash" FROM users');
    });
    const res = await route(apiRequest("/api/boom", { key: ownerKey }), noParams);
    expect(res.status).toBe(500);
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.code).toBe("internal_error");
    expect(body.requestId).toBe(res.headers.get("x-request-id"));
    expect(body.message).toContain(body.requestId);
    expect(text).not.toMatch(/SELECT|passwordHash|relation|at .*\.ts/);
  });
});

// Finding 8 of issue #10: a foreign site's form or text/plain POST carries the session cookie too.
describe("origin of cookie-authenticated writes", () => {
  const patchWith = async (headers: Record<string, string>, auth: { cookie?: string; key?: string }) => {
    const req = apiRequest("/api/salon", { method: "PATCH", ...auth, json: { city: "Boise" }, headers });
    return patchSalon(req, noParams);
  };

  it("refuses a session cookie from a foreign or missing origin with 403", async () => {
    const cookie = await sessionCookieFor(salon.userId, salon.salonId);
    const attempts: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { origin: "http://localhost:3001" },
      { origin: "", "sec-fetch-site": "cross-site" },
    ];
    for (const headers of attempts) {
      const req = apiRequest("/api/salon", { method: "PATCH", cookie, json: { city: "Boise" }, headers });
      if (headers.origin === "") req.headers.delete("origin");
      const res = await patchSalon(req, noParams);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: "cross_origin_request" });
    }
    const text = apiRequest("/api/salon", {
      method: "PATCH",
      cookie,
      body: '{"city":"Boise"}',
      headers: { origin: "https://evil.example", "content-type": "text/plain" },
    });
    expect((await patchSalon(text, noParams)).status).toBe(403);
    // Refused before counting: a foreign site cannot use up its victim's allowance.
    const counted = await db.$queryRaw<unknown[]>`
      SELECT 1 FROM "rate_limits" WHERE "key" = ${`api-cred:user:${salon.userId}`}`;
    expect(counted).toEqual([]);
  });

  it("accepts the app's own origin, Sec-Fetch-Site same-origin, reads from anywhere, and API keys", async () => {
    const cookie = await sessionCookieFor(salon.userId, salon.salonId);
    expect((await patchWith({ origin: "http://localhost:3000" }, { cookie })).status).toBe(200);
    const noOrigin = apiRequest("/api/salon", {
      method: "PATCH",
      cookie,
      json: { city: "Boise" },
      headers: { "sec-fetch-site": "same-origin" },
    });
    noOrigin.headers.delete("origin");
    expect((await patchSalon(noOrigin, noParams)).status).toBe(200);
    const read = apiRequest("/api/salon", { cookie, headers: { origin: "https://evil.example" } });
    expect((await getSalon(read, noParams)).status).toBe(200);
    expect((await patchWith({ origin: "https://evil.example" }, { key: ownerKey })).status).toBe(200);
  });
});
