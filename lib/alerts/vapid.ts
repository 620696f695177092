// The app's VAPID key pair (RFC 8292), which signs every push request. VAPID_* in the environment win;
// otherwise a pair is made on first need and stored once in vapid_keys, so every instance (and every
// browser's subscription, which is bound to the public key) shares it. Two instances starting at once
// both insert id 1; ON CONFLICT keeps the first and both read it back.
import webpush from "web-push";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

let cached: Promise<VapidKeys> | null = null;

/** "mailto:" or https: the push service's contact for this sender (RFC 8292 §2.1). */
function vapidSubject(): string {
  if (env.VAPID_SUBJECT) return env.VAPID_SUBJECT;
  const base = new URL(env.PUBLIC_BASE_URL);
  return base.protocol === "https:" ? base.origin : "mailto:alerts@bolt.invalid";
}

async function loadOrCreate(): Promise<VapidKeys> {
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY)
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject: vapidSubject() };
  const fresh = webpush.generateVAPIDKeys();
  await db.$executeRaw`INSERT INTO vapid_keys (id, "publicKey", "privateKey") VALUES (1, ${fresh.publicKey}, ${fresh.privateKey}) ON CONFLICT (id) DO NOTHING`;
  const stored = await db.vapidKey.findUniqueOrThrow({ where: { id: 1 } });
  return { publicKey: stored.publicKey, privateKey: stored.privateKey, subject: vapidSubject() };
}

export function getVapidKeys(): Promise<VapidKeys> {
  cached ??= loadOrCreate().catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}

/** Tests: read the keys afresh (another database, other VAPID_* settings). */
export function forgetVapidKeysForTests(): void {
  cached = null;
}
