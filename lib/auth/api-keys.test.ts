// API keys: format, hashing, revocation, and that salon A's key never reaches salon B.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as revokeRoute } from "@/app/api/api-keys/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/api-keys/route";
import { GET as getSalon, PATCH as patchSalon } from "@/app/api/salon/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import {
  createApiKey,
  hashApiKey,
  listApiKeys,
  resolveApiKey,
  resolveApiKeyCounting,
  revokeApiKey,
} from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import { apiRequest, createSalonWithOwner, idParams, noParams } from "@/lib/testing/auth-fixtures";

let a: Awaited<ReturnType<typeof createSalonWithOwner>>;
let b: Awaited<ReturnType<typeof createSalonWithOwner>>;
let keyA: string;
let keyB: string;
let keyBId: string;

beforeAll(async () => {
  [a, b] = await Promise.all([
    createSalonWithOwner({ salonName: "Salon A" }),
    createSalonWithOwner({ salonName: "Salon B" }),
  ]);
  keyA = (await createApiKey(a.salonId, { name: "A key", createdByUserId: a.userId })).plaintextKey;
  const created = await createApiKey(b.salonId, { name: "B key" });
  keyB = created.plaintextKey;
  keyBId = created.apiKey.id;
});

afterAll(closeRateLimitStore);

describe("createApiKey / resolveApiKey", () => {
  it("returns a bolt_live_ key once and stores only its hash and prefix", async () => {
    const { plaintextKey, apiKey } = await createApiKey(a.salonId, { name: "CRM" });
    expect(plaintextKey).toMatch(/^bolt_live_[0-9A-Za-z]{32}$/);
    expect(apiKey.prefix).toBe(plaintextKey.slice(0, 12));
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.hashedKey).toBe(hashApiKey(plaintextKey));
    expect(JSON.stringify(row)).not.toContain(plaintextKey);
    expect(await resolveApiKey(plaintextKey)).toEqual({
      salonId: a.salonId,
      apiKeyId: apiKey.id,
      role: "OWNER",
    });
  });

  it("resolves nothing for revoked, unknown or malformed keys", async () => {
    const { plaintextKey, apiKey } = await createApiKey(a.salonId, { name: "old" });
    await revokeApiKey(a.salonId, apiKey.id);
    await revokeApiKey(a.salonId, apiKey.id); // revoking twice is fine
    expect(await resolveApiKey(plaintextKey)).toBeNull();
    expect(await resolveApiKey(`bolt_live_${"Z".repeat(32)}`)).toBeNull();
    expect(await resolveApiKey("")).toBeNull();
  });

  it("counts the IP and the key, and stamps lastUsedAt at most once a minute, in one statement", async () => {
    const { plaintextKey, apiKey } = await createApiKey(a.salonId, { name: "counted" });
    const limits = { ipKey: `test-ip:${apiKey.id}`, keyPrefix: "test-key:", window: { points: 2, windowMs: 60_000 } };
    const at = (seconds: number) => new Date(Date.UTC(2026, 2, 8, 9, 0, seconds));
    const lastUsed = async () => (await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt;

    const first = await resolveApiKeyCounting(plaintextKey, limits, at(0));
    expect(first).toEqual({
      ip: { used: 1, resetAt: at(60).getTime() },
      key: { salonId: a.salonId, apiKeyId: apiKey.id, role: "OWNER" },
      keyCount: { used: 1, resetAt: at(60).getTime() },
    });
    expect(await lastUsed()).toEqual(at(0));
    expect((await resolveApiKeyCounting(plaintextKey, limits, at(30))).keyCount?.used).toBe(2);
    expect(await lastUsed()).toEqual(at(0));

    // Past the IP's limit the key is neither looked up nor counted.
    const throttled = await resolveApiKeyCounting(plaintextKey, limits, at(45));
    expect(throttled).toEqual({ ip: { used: 3, resetAt: at(60).getTime() }, key: null, keyCount: null });
    const keyRow = await db.$queryRaw<{ points: number }[]>`
      SELECT "points" FROM "rate_limits" WHERE "key" = ${`test-key:${apiKey.id}`}`;
    expect(keyRow).toEqual([{ points: 2 }]);

    // A new window starts both counts afresh; a minute on, lastUsedAt moves.
    const later = await resolveApiKeyCounting(plaintextKey, limits, at(61));
    expect(later.ip).toEqual({ used: 1, resetAt: at(121).getTime() });
    expect(later.keyCount).toEqual({ used: 1, resetAt: at(121).getTime() });
    expect(await lastUsed()).toEqual(at(61));

    await revokeApiKey(a.salonId, apiKey.id);
    expect((await resolveApiKeyCounting(plaintextKey, limits, at(62))).key).toBeNull();
  });

  it("lists only the salon's own keys", async () => {
    const names = (await listApiKeys(a.salonId)).map((k) => k.name);
    expect(names).toContain("A key");
    expect(names).not.toContain("B key");
  });
});

describe("API key routes", () => {
  it("lets an owner create, list and revoke keys", async () => {
    const created = await createRoute(
      apiRequest("/api/api-keys", { key: keyA, json: { name: "Zapier" } }),
      noParams,
    );
    expect(created.status).toBe(201);
    const { key, apiKey } = await created.json();
    expect(key).toMatch(/^bolt_live_/);
    expect(apiKey).not.toHaveProperty("hashedKey");

    const listed = await (await listRoute(apiRequest("/api/api-keys", { key: keyA }), noParams)).json();
    expect(listed.data.map((k: { id: string }) => k.id)).toContain(apiKey.id);
    expect(JSON.stringify(listed)).not.toContain("hashedKey");

    expect(
      (
        await revokeRoute(
          apiRequest(`/api/api-keys/${apiKey.id}`, { method: "DELETE", key: keyA }),
          idParams(apiKey.id),
        )
      ).status,
    ).toBe(204);
    expect((await getSalon(apiRequest("/api/salon", { key }), noParams)).status).toBe(401);
  });

  it("keeps staff keys away from key management", async () => {
    const { plaintextKey: staffKey } = await createApiKey(a.salonId, { name: "staff", role: "STAFF" });
    expect((await listRoute(apiRequest("/api/api-keys", { key: staffKey }), noParams)).status).toBe(403);
    expect(
      (await createRoute(apiRequest("/api/api-keys", { key: staffKey, json: { name: "x" } }), noParams))
        .status,
    ).toBe(403);
  });

  it("rejects unknown fields when creating a key", async () => {
    const res = await createRoute(
      apiRequest("/api/api-keys", { key: keyA, json: { name: "x", salonId: b.salonId } }),
      noParams,
    );
    expect(res.status).toBe(422);
    expect((await res.json()).fields.salonId).toEqual(["Unknown field."]);
  });
});

describe("tenant isolation", () => {
  it("salon A's key cannot read, change or revoke salon B's data", async () => {
    const listed = await (await listRoute(apiRequest("/api/api-keys", { key: keyA }), noParams)).json();
    expect(listed.data.map((k: { id: string }) => k.id)).not.toContain(keyBId);

    const profile = await (await getSalon(apiRequest("/api/salon", { key: keyA }), noParams)).json();
    expect(profile.data.id).toBe(a.salonId);

    const patched = await patchSalon(
      apiRequest("/api/salon", { method: "PATCH", key: keyA, json: { name: "Renamed A" } }),
      noParams,
    );
    expect(patched.status).toBe(200);
    expect((await db.salon.findUniqueOrThrow({ where: { id: b.salonId } })).name).toBe("Salon B");

    const revoke = await revokeRoute(
      apiRequest(`/api/api-keys/${keyBId}`, { method: "DELETE", key: keyA }),
      idParams(keyBId),
    );
    expect(revoke.status).toBe(404);
    expect((await revoke.json()).code).toBe("not_found");
    expect(await resolveApiKey(keyB)).not.toBeNull();
    await expect(revokeApiKey(a.salonId, keyBId)).rejects.toMatchObject({ status: 404 });
  });
});
