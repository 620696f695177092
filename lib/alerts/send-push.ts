// Sends one push alert to every browser its member turned push on in (Web Push, RFC 8030/8291/8292).
// web-push builds each request (encrypted payload, VAPID header); it is sent with fetch, so an http
// stand-in works as well as a real https push service. A 404 or 410 means the browser dropped the
// subscription: it is deleted. A push service that fails (5xx, unreachable) for every browser makes
// the job throw, and pg-boss retries. sentAt is claimed before sending, so two runs push it once; a
// claim whose run died (still "Sending" after PUSH_CLAIM_MS) is taken over by the retry.
import webpush from "web-push";
import { db } from "@/lib/db";
import { mapLimit } from "@/lib/jobs/map-limit";
import { logger } from "@/lib/logger";
import { getVapidKeys } from "@/lib/alerts/vapid";

const log = logger.child({ module: "alerts" });

/** How long a push service keeps an alert for a browser that is offline: after a day it is old news. */
const PUSH_TTL_SECONDS = 24 * 3600;
const PUSH_TIMEOUT_MS = 10_000;
/** A run that claimed an alert and has not finished it this long after is gone (its requests time out sooner). */
const PUSH_CLAIM_MS = 2 * 60_000;
/** Browsers pushed to at once. */
const PUSH_CONCURRENCY = 4;

export type PushPayload = { title: string; body: string; url: string; tag: string };

type Subscription = { id: string; endpoint: string; p256dh: string; auth: string };
type PushResult = "sent" | "gone" | "failed";

async function pushTo(subscription: Subscription, payload: PushPayload): Promise<PushResult> {
  const vapid = await getVapidKeys();
  const request = webpush.generateRequestDetails(
    { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
    JSON.stringify(payload),
    { TTL: PUSH_TTL_SECONDS, urgency: "high", contentEncoding: "aes128gcm", vapidDetails: vapid },
  );
  // fetch sets the length from the body itself.
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== "content-length"));
  try {
    const res = await fetch(request.endpoint, {
      method: "POST",
      headers: headers as Record<string, string>,
      body: new Uint8Array(request.body),
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
    if (res.status === 404 || res.status === 410) return "gone";
    if (res.ok) return "sent";
    log.warn({ status: res.status, body: (await res.text()).slice(0, 200) }, "push service refused an alert");
    return "failed";
  } catch (err) {
    log.warn({ err }, "push service unreachable");
    return "failed";
  }
}

/** Sends the push alert (once); its browsers' results in words. */
export async function sendPushAlert(pushAlertId: string, now: Date): Promise<string | null> {
  const stale = new Date(now.getTime() - PUSH_CLAIM_MS);
  const claimable = { OR: [{ sentAt: null }, { outcome: "Sending", sentAt: { lt: stale } }] };
  const alert = await db.pushAlert.findFirst({ where: { id: pushAlertId, ...claimable } });
  if (!alert) return null;
  const claimed = await db.pushAlert.updateMany({ where: { id: alert.id, ...claimable }, data: { sentAt: now, outcome: "Sending" } });
  if (claimed.count === 0) return null;
  const subscriptions = await db.pushSubscription.findMany({
    where: { salonId: alert.salonId, membershipId: alert.membershipId },
    select: { id: true, endpoint: true, p256dh: true, auth: true },
  });
  const payload: PushPayload = { title: alert.title, body: alert.body, url: alert.url, tag: alert.key };
  const results = await mapLimit(subscriptions, PUSH_CONCURRENCY, (s) => pushTo(s, payload));
  const gone = subscriptions.filter((_, i) => results[i] === "gone").map((s) => s.id);
  if (gone.length) await db.pushSubscription.deleteMany({ where: { id: { in: gone }, salonId: alert.salonId } });
  const sent = results.filter((r) => r === "sent").length;
  const failed = results.filter((r) => r === "failed").length;
  if (sent === 0 && failed > 0) {
    await db.pushAlert.updateMany({ where: { id: alert.id }, data: { sentAt: null, outcome: null } });
    throw new Error(`push service failed for all ${failed} browser(s); will retry`);
  }
  const outcome =
    subscriptions.length === 0 ? "No browser has push alerts on." : `Sent to ${sent} of ${subscriptions.length} browser(s)${gone.length ? `; ${gone.length} no longer subscribed, removed` : ""}.`;
  await db.pushAlert.updateMany({ where: { id: alert.id }, data: { outcome } });
  return outcome;
}
