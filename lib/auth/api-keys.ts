// API keys: shown once, stored as a SHA-256 hash. Resolving a key is one indexed lookup on that hash.
import { createHash, randomBytes } from "node:crypto";
import { notFound } from "@/lib/api/errors";
import { countRequestsSql, toLimitCount, type LimitCount, type LimitWindow } from "@/lib/api/rate-limit-count";
import { rateLimitPool } from "@/lib/api/rate-limit-store";
import { db, salonDb } from "@/lib/db";
import { sqlParams } from "@/lib/db/sql-params";
import type { Role } from "@/lib/generated/prisma/client";

const KEY_PREFIX = "bolt_live_";
const SECRET_LENGTH = 32;
const DISPLAY_PREFIX_LENGTH = 12;
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const KEY_PATTERN = /^bolt_live_[0-9A-Za-z]{32}$/;
// lastUsedAt is informational; writing it on every request would turn each API call into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

/** 32 base62 characters (~190 bits) by rejection sampling, so every character is equally likely. */
function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62.charAt(byte % 62);
    }
  }
  return out;
}

export function hashApiKey(plaintext: string): string {
  return createHash("sha256").update(plaintext).digest("hex");
}

const summarySelect = {
  id: true,
  name: true,
  prefix: true,
  role: true,
  createdByUserId: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
} as const;

export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  createdByUserId: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
};

/** Creates a key and returns its plaintext; this is the only time the plaintext exists. */
export async function createApiKey(
  salonId: string,
  input: { name: string; createdByUserId?: string | null; role?: Role },
): Promise<{ plaintextKey: string; apiKey: ApiKeySummary }> {
  const plaintextKey = KEY_PREFIX + randomBase62(SECRET_LENGTH);
  const apiKey = await salonDb(salonId).apiKey.create({
    data: {
      salonId,
      name: input.name,
      role: input.role ?? "OWNER",
      createdByUserId: input.createdByUserId ?? null,
      prefix: plaintextKey.slice(0, DISPLAY_PREFIX_LENGTH),
      hashedKey: hashApiKey(plaintextKey),
    },
    select: summarySelect,
  });
  return { plaintextKey, apiKey };
}

/** All of a salon's keys, newest first, revoked ones included (the UI shows their state). */
export function listApiKeys(salonId: string): Promise<ApiKeySummary[]> {
  return salonDb(salonId).apiKey.findMany({
    where: { salonId },
    select: summarySelect,
    orderBy: { createdAt: "desc" },
  });
}

/** Revokes a key of this salon; revoking twice is fine, another salon's key or an unknown id is a 404. */
export async function revokeApiKey(salonId: string, id: string): Promise<void> {
  const scoped = salonDb(salonId);
  const { count } = await scoped.apiKey.updateMany({
    where: { id, salonId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count > 0) return;
  const existing = await scoped.apiKey.count({ where: { id, salonId } });
  if (existing === 0) throw notFound("API key");
}

export type ResolvedApiKey = { salonId: string; apiKeyId: string; role: Role };

export function isWellFormedApiKey(plaintext: string): boolean {
  return KEY_PATTERN.test(plaintext);
}

/** The salon and role behind a plaintext key, or null for unknown, malformed or revoked keys. */
export async function resolveApiKey(plaintext: string): Promise<ResolvedApiKey | null> {
  if (!isWellFormedApiKey(plaintext)) return null;
  // System client: the salon is what we are trying to find out. Indexed by the unique hashedKey.
  const key = await db.apiKey.findUnique({
    where: { hashedKey: hashApiKey(plaintext) },
    select: { id: true, salonId: true, role: true, revokedAt: true, lastUsedAt: true },
  });
  if (!key || key.revokedAt) return null;

  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { salonId: key.salonId, apiKeyId: key.id, role: key.role };
}

export type CountedApiKey = { ip: LimitCount; key: ResolvedApiKey | null; keyCount: LimitCount | null };

type CountedRow = {
  ipPoints: number;
  ipExpire: string;
  id: string | null;
  salonId: string | null;
  role: Role | null;
  keyPoints: number | null;
  keyExpire: string | null;
};

/**
 * One statement for everything an API-key request needs before its handler: counts the request for its IP,
 * finds the key (only while the IP is within its limit, so a throttled guesser learns nothing), counts it for
 * the key, and stamps lastUsedAt at most once a minute. A malformed key must not get here (it would be
 * looked up in vain); count its IP with countRequests instead.
 */
export async function resolveApiKeyCounting(
  plaintext: string,
  limits: { ipKey: string; keyPrefix: string; window: LimitWindow },
  now: Date,
): Promise<CountedApiKey> {
  const { ipKey, keyPrefix, window } = limits;
  const params = sqlParams();
  const usedBefore = params.at(new Date(now.getTime() - LAST_USED_RESOLUTION_MS));
  const at = params.at(now);
  // The login role, as the system client: the salon is what we are trying to find out. Indexed by the
  // unique hashedKey. On the limiters' plain pg pool, like every API request's counting statement.
  const { rows: [row] } = await rateLimitPool().query<CountedRow>(
    `WITH ip AS (${countRequestsSql(`SELECT ${params.add(ipKey)}::text`, window, now, params)}),
    k AS (
      SELECT a."id", a."salonId", a."role", a."lastUsedAt" FROM "api_keys" a
      WHERE a."hashedKey" = ${params.add(hashApiKey(plaintext))} AND a."revokedAt" IS NULL
        AND (SELECT "points" FROM ip) <= ${params.add(window.points)}
    ),
    kc AS (${countRequestsSql(`SELECT ${params.add(keyPrefix)}::text || k."id" FROM k`, window, now, params)}),
    used AS (
      UPDATE "api_keys" a SET "lastUsedAt" = ${at}, "updatedAt" = ${at} FROM k
      WHERE a."id" = k."id" AND (k."lastUsedAt" IS NULL OR k."lastUsedAt" < ${usedBefore})
    )
    SELECT ip."points" AS "ipPoints", ip."expire" AS "ipExpire", k."id", k."salonId", k."role",
      kc."points" AS "keyPoints", kc."expire" AS "keyExpire"
    FROM ip LEFT JOIN k ON true LEFT JOIN kc ON true`,
    params.values,
  );
  if (!row) throw new Error("counting an API request returned no row");
  const ip = toLimitCount({ points: row.ipPoints, expire: row.ipExpire });
  if (!row.id || !row.salonId || !row.role || row.keyPoints === null || row.keyExpire === null) {
    return { ip, key: null, keyCount: null };
  }
  return {
    ip,
    key: { salonId: row.salonId, apiKeyId: row.id, role: row.role },
    keyCount: toLimitCount({ points: row.keyPoints, expire: row.keyExpire }),
  };
}
