// What a push service and a browser do with a Web Push request, with node:crypto only: check the
// VAPID JWT (RFC 8292: ES256 over "header.claims", signed by the key in `k`, for this origin, not
// expired) and decrypt an aes128gcm payload (RFC 8291 over RFC 8188) with the subscription's keys.
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify, type ECDH } from "node:crypto";

const b64url = (buf: Buffer) => buf.toString("base64url");

/** A browser's side of a subscription: its P-256 key pair and 16-byte auth secret. */
export type ClientKeys = { ecdh: ECDH; auth: Buffer; p256dh: string; authSecret: string };

export function newClientKeys(): ClientKeys {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, p256dh: b64url(ecdh.getPublicKey()), authSecret: b64url(auth) };
}

export class PushRejection extends Error {}

/** Checks `Authorization: vapid t=<jwt>, k=<public key>`; the signer's public key on success. */
export function verifyVapid(authorization: string | undefined, audience: string, nowSeconds: number): string {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+),\s*k=([\w-]+)$/.exec(authorization ?? "");
  if (!match) throw new PushRejection("Authorization must be 'vapid t=…, k=…'");
  const [, token, k] = match as unknown as [string, string, string];
  const [header, claims, signature] = token.split(".") as [string, string, string];
  const point = Buffer.from(k, "base64url");
  if (point.length !== 65 || point[0] !== 4) throw new PushRejection("k is not an uncompressed P-256 point");
  const key = createPublicKey({
    key: { kty: "EC", crv: "P-256", x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33)) },
    format: "jwk",
  });
  const signed = verify("sha256", Buffer.from(`${header}.${claims}`), { key, dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url"));
  if (!signed) throw new PushRejection("the JWT's signature does not match k");
  const { alg } = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { alg?: string };
  const body = JSON.parse(Buffer.from(claims, "base64url").toString("utf8")) as { aud?: string; exp?: number; sub?: string };
  if (alg !== "ES256") throw new PushRejection("the JWT must be ES256");
  if (body.aud !== audience) throw new PushRejection(`aud must be ${audience}`);
  if (!body.exp || body.exp <= nowSeconds || body.exp > nowSeconds + 24 * 3600) throw new PushRejection("exp must be within 24 hours");
  if (!body.sub || !/^(mailto:|https:)/.test(body.sub)) throw new PushRejection("sub must be a mailto: or https: contact");
  return k;
}

const info = (label: string) => Buffer.from(`Content-Encoding: ${label}\0`, "utf8");

/** RFC 8291 §3.4 / RFC 8188: one aes128gcm record, decrypted with the browser's keys. */
export function decryptPushPayload(body: Buffer, client: Pick<ClientKeys, "ecdh" | "auth">): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20] ?? 0;
  const senderKey = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  if (idLength !== 65 || record.length > recordSize) throw new PushRejection("not a single aes128gcm record with the sender's key");
  const ecdhSecret = client.ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0", "utf8"), client.ecdh.getPublicKey(), senderKey]);
  const ikm = Buffer.from(hkdfSync("sha256", ecdhSecret, client.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, info("aes128gcm"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, info("nonce"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with 0x02, then any zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new PushRejection("the record lacks its last-record delimiter");
  return padded.subarray(0, end);
}
