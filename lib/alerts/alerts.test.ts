// Alerts to the team: each member's own choices (defaults, validation, nobody else's), one alert per
// event per member however often a webhook is replayed or a job re-run, quiet hours per channel on a
// passed clock, Web Push to the RFC 8030 stand-in with the payload decrypted as a browser would, gone
// subscriptions removed, one VAPID key pair under concurrent first use, and the forwarding phone's
// reschedule alert kept only for salons where no member gets those by text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as unsubscribeRoute, POST as subscribeRoute } from "@/app/api/alerts/push-subscriptions/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { createApiKey } from "@/lib/auth/api-keys";
import { db, salonDb } from "@/lib/db";
import { startPushStandIn, type PushStandIn } from "@/lib/dev/push-sandbox";
import { PUSH_BROWSERS_PER_MEMBER } from "@/lib/alerts/push-subscriptions";
import { dispatchAlert, memberAlertKey } from "@/lib/alerts/dispatch";
import { getAlertPreferences, saveAlertPreferences } from "@/lib/alerts/preferences";
import { sendPushAlert } from "@/lib/alerts/send-push";
import { forgetVapidKeysForTests, getVapidKeys } from "@/lib/alerts/vapid";
import { apiRequest, noParams, sessionCookieFor } from "@/lib/testing/auth-fixtures";
import { createTextingSalon, setUpTextingServers } from "@/lib/testing/delivery-test-kit";
import { createCallLog, createCustomer, createUser, uniquePhone } from "@/lib/testing/factories";
import { postInboundSms, textSalon } from "@/lib/testing/sms-test-kit";
import { callParams, newRecordingSid, postVoice, recordingParams } from "@/lib/testing/voice-test-kit";
import { saveAlertPreferencesSchema } from "@/lib/validations/alerts";

const servers = setUpTextingServers();
let push: PushStandIn;
beforeAll(async () => {
  push = await startPushStandIn();
});
afterAll(async () => {
  await push.close();
  await closeRateLimitStore();
});

// 02:00 and 10:00 in New York (EST) on a Wednesday.
const NIGHT = new Date("2026-03-04T07:00:00Z");
const MORNING = new Date("2026-03-04T15:00:00Z");
const NY_SEVEN_AM = new Date("2026-03-04T12:00:00Z");

const prefs = (input: Record<string, unknown>) =>
  saveAlertPreferencesSchema.parse({ sms: [], email: [], push: [], quietHoursEnabled: false, ...input });

async function team(overrides: Parameters<typeof createTextingSalon>[1] = {}) {
  const salon = await createTextingSalon(servers.standIn, { timeZone: "America/New_York", ...overrides });
  const owner = await createUser({ salonId: salon.id, role: "OWNER" });
  const staff = await createUser({ salonId: salon.id, role: "STAFF" });
  const membershipOf = (userId: string) => db.membership.findFirstOrThrow({ where: { salonId: salon.id, userId } });
  return { salon, owner, staff, ownerM: await membershipOf(owner.id), staffM: await membershipOf(staff.id) };
}

/** A browser on the push stand-in, subscribed for `userId` through the route as the page does. */
async function subscribeBrowser(salonId: string, userId: string) {
  const subscription = push.subscribe();
  const res = await subscribeRoute(apiRequest("/api/alerts/push-subscriptions", { cookie: await sessionCookieFor(userId, salonId), json: subscription }), noParams);
  expect(res.status).toBe(201);
  return subscription;
}

const alertTexts = (salonId: string, key: string) => db.notification.findMany({ where: { salonId, idempotencyKey: { startsWith: key } }, orderBy: { channel: "asc" } });

describe("a member's alert choices", () => {
  it("start from the role's defaults, are validated, and are only ever the member's own", async () => {
    const a = await team();
    const b = await team();
    expect(await getAlertPreferences({ salonId: a.salon.id, userId: a.owner.id })).toEqual({
      phone: null,
      events: { sms: [], email: ["VOICEMAIL", "MISSED_CALL"], push: [] },
      quietHours: null,
      pushBrowsers: 0,
    });
    expect((await getAlertPreferences({ salonId: a.salon.id, userId: a.staff.id })).events).toEqual({ sms: [], email: [], push: [] });

    const issues = (input: Record<string, unknown>) =>
      saveAlertPreferencesSchema.safeParse({ sms: [], email: [], push: [], ...input }).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues({ sms: "VOICEMAIL" })).toEqual(["phone: Add your phone number to get alerts by text."]);
    expect(issues({ phone: "555" })).toEqual(["phone: Enter a valid phone number, e.g. +1 415 555 0123"]);
    expect(issues({ email: ["BIRTHDAYS"] })?.[0]).toMatch(/^email\.0: /);
    expect(issues({ quietHoursEnabled: "on", quietHoursStart: "22:00", quietHoursEnd: "22:00" })).toEqual([
      "quietHoursEnd: Quiet hours must end at a different time than they start.",
    ]);
    expect(prefs({ phone: "(415) 555-0123", sms: ["VOICEMAIL", "VOICEMAIL"], quietHoursEnabled: "on", quietHoursStart: "22:00", quietHoursEnd: "07:00" })).toMatchObject({
      phone: "+14155550123",
      sms: ["VOICEMAIL"],
      quietHours: { start: "22:00", end: "07:00" },
    });

    await saveAlertPreferences({ salonId: a.salon.id, userId: a.staff.id }, prefs({ phone: "415 555 0123", sms: ["NEW_TEXT"], push: ["VOICEMAIL"] }));
    expect(await getAlertPreferences({ salonId: a.salon.id, userId: a.staff.id })).toMatchObject({
      phone: "+14155550123",
      events: { sms: ["NEW_TEXT"], email: [], push: ["VOICEMAIL"] },
    });
    // Salon B's member can neither read nor write salon A's choices, and B's salon role sees none of A's rows.
    await expect(getAlertPreferences({ salonId: a.salon.id, userId: b.staff.id })).rejects.toMatchObject({ status: 404 });
    await expect(saveAlertPreferences({ salonId: a.salon.id, userId: b.staff.id }, prefs({}))).rejects.toMatchObject({ status: 404 });
    expect(await salonDb(b.salon.id).alertPreference.findMany({ where: { salonId: a.salon.id } })).toEqual([]);
  });

  it("push subscriptions: session only, validated, and a member removes only their own", async () => {
    const a = await team();
    const cookie = await sessionCookieFor(a.staff.id, a.salon.id);
    const sub = await subscribeBrowser(a.salon.id, a.staff.id);
    const bad = await subscribeRoute(apiRequest("/api/alerts/push-subscriptions", { cookie, json: { endpoint: "ftp://x", keys: {} } }), noParams);
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ code: "validation_failed" });
    const { plaintextKey } = await createApiKey(a.salon.id, { name: "zap", role: "OWNER" });
    const byKey = await subscribeRoute(apiRequest("/api/alerts/push-subscriptions", { key: plaintextKey, json: push.subscribe() }), noParams);
    expect(byKey.status).toBe(403);
    const ownersTry = await unsubscribeRoute(
      apiRequest("/api/alerts/push-subscriptions", { method: "DELETE", cookie: await sessionCookieFor(a.owner.id, a.salon.id), json: { endpoint: sub.endpoint } }),
      noParams,
    );
    expect(await ownersTry.json()).toEqual({ deleted: false });
    expect(await db.pushSubscription.count({ where: { salonId: a.salon.id } })).toBe(1);
    const own = await unsubscribeRoute(apiRequest("/api/alerts/push-subscriptions", { method: "DELETE", cookie, json: { endpoint: sub.endpoint } }), noParams);
    expect(await own.json()).toEqual({ deleted: true });
  });

  it(`a member keeps push in at most ${PUSH_BROWSERS_PER_MEMBER} browsers; a new one drops the longest unused`, async () => {
    const a = await team();
    const first = await subscribeBrowser(a.salon.id, a.staff.id);
    // The first browser was last refreshed long ago (set in SQL so no two rows share a millisecond).
    await db.$executeRaw`UPDATE push_subscriptions SET "updatedAt" = '2020-01-01' WHERE endpoint = ${first.endpoint}`;
    for (let i = 1; i < PUSH_BROWSERS_PER_MEMBER; i++) await subscribeBrowser(a.salon.id, a.staff.id);
    expect(await db.pushSubscription.count({ where: { salonId: a.salon.id } })).toBe(PUSH_BROWSERS_PER_MEMBER);
    const newest = await subscribeBrowser(a.salon.id, a.staff.id);
    const endpoints = (await db.pushSubscription.findMany({ where: { salonId: a.salon.id }, select: { endpoint: true } })).map((s) => s.endpoint);
    expect(endpoints).toHaveLength(PUSH_BROWSERS_PER_MEMBER);
    expect(endpoints).toContain(newest.endpoint);
    expect(endpoints).not.toContain(first.endpoint);
    // Another member's browsers are not counted against this one.
    await subscribeBrowser(a.salon.id, a.owner.id);
    expect(await db.pushSubscription.count({ where: { salonId: a.salon.id } })).toBe(PUSH_BROWSERS_PER_MEMBER + 1);
  });
});

describe("sending", () => {
  it("one alert per event per member, however often the webhook and the job run", async () => {
    const a = await team();
    const staffPhone = uniquePhone();
    await saveAlertPreferences({ salonId: a.salon.id, userId: a.staff.id }, prefs({ phone: staffPhone, sms: ["NEW_TEXT"], push: ["NEW_TEXT"] }));
    await saveAlertPreferences({ salonId: a.salon.id, userId: a.owner.id }, prefs({ email: ["NEW_TEXT"] }));
    await subscribeBrowser(a.salon.id, a.staff.id);
    const customer = await createCustomer(a.salon.id, { name: "Jane Doe", firstTextedAt: new Date() });

    const { params, messageSid } = await textSalon(a.salon, customer.phone, "Could someone call me about my wedding party next month?");
    expect((await postInboundSms(params)).status).toBe(200);
    const jobs = await db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'alert-dispatch' AND data->>'ref' = ${messageSid}`;
    expect(jobs[0]?.n).toBe(1);

    const source = { salonId: a.salon.id, event: "NEW_TEXT", ref: messageSid };
    await Promise.all([dispatchAlert(source, MORNING), dispatchAlert(source, MORNING)]);
    await dispatchAlert(source, MORNING);
    const staffKey = memberAlertKey(`new_text:${messageSid}`, a.staffM.id);
    const ownerKey = memberAlertKey(`new_text:${messageSid}`, a.ownerM.id);
    expect((await alertTexts(a.salon.id, staffKey)).map((n) => [n.channel, n.kind, n.destination, n.body])).toEqual([
      ["SMS", "MEMBER_ALERT", staffPhone, `${a.salon.name}: Text from Jane Doe (` + (await import("@/lib/phone")).formatPhone(customer.phone) + "). Could someone call me about my wedding party next month?"],
    ]);
    expect((await alertTexts(a.salon.id, ownerKey)).map((n) => [n.channel, n.destination, n.subject])).toEqual([
      ["EMAIL", a.owner.email, expect.stringMatching(/^Text from Jane Doe/)],
    ]);
    const [pushAlert, ...more] = await db.pushAlert.findMany({ where: { salonId: a.salon.id } });
    expect(more).toEqual([]);
    await Promise.all([sendPushAlert(pushAlert!.id, MORNING), sendPushAlert(pushAlert!.id, MORNING)]);
    await sendPushAlert(pushAlert!.id, MORNING);
    expect(push.received.filter((r) => r.payload.includes(staffKey))).toHaveLength(1);
    const delivered = JSON.parse(push.received.find((r) => r.payload.includes(staffKey))!.payload) as Record<string, string>;
    expect(delivered).toMatchObject({ title: expect.stringMatching(/^Text from Jane Doe/), url: `/messages/${customer.id}`, tag: staffKey });
  });

  it("a voicemail reported three times, and its transcript, alert each member once, with the transcript", async () => {
    const a = await team();
    const staffPhone = uniquePhone();
    await saveAlertPreferences({ salonId: a.salon.id, userId: a.staff.id }, prefs({ phone: staffPhone, sms: ["VOICEMAIL"] }));
    const row = await createCallLog(a.salon.id, { to: a.salon.twilioNumber!, status: "IN_PROGRESS", reason: "VOICEMAIL" });
    const call = callParams({ callSid: row.callSid, from: row.from, to: a.salon.twilioNumber!, status: "in-progress" });
    const recording = recordingParams({ callSid: row.callSid, recordingSid: newRecordingSid(), duration: 21 });
    for (let i = 0; i < 3; i++) expect((await postVoice("/api/webhooks/twilio/voice/recording", recording)).status).toBe(204);
    expect((await postVoice("/api/webhooks/twilio/voice/status", { ...call, CallStatus: "completed", CallDuration: "40" })).status).toBe(204);
    const transcript = { AccountSid: call.AccountSid, CallSid: row.callSid, RecordingSid: recording.RecordingSid, TranscriptionSid: `TR${"c".repeat(32)}`, TranscriptionStatus: "completed", TranscriptionText: "Can I move my Friday cut?" };
    for (let i = 0; i < 2; i++) await postVoice("/api/webhooks/twilio/voice/transcription", transcript);
    // One job per source (recording, transcript); no missed-call job for a call with a voicemail.
    const jobs = await db.$queryRaw<Array<{ event: string }>>`SELECT data->>'event' AS event FROM pgboss.job WHERE name = 'alert-dispatch' AND data->>'ref' = ${row.callSid} ORDER BY 1`;
    expect(jobs.map((j) => j.event)).toEqual(["VOICEMAIL", "VOICEMAIL"]);
    const source = { salonId: a.salon.id, event: "VOICEMAIL", ref: row.callSid };
    await Promise.all([dispatchAlert(source, MORNING), dispatchAlert(source, MORNING)]);
    const key = memberAlertKey(`voicemail:${row.callSid}`, a.staffM.id);
    expect((await alertTexts(a.salon.id, key)).map((n) => [n.destination, n.body])).toEqual([
      [staffPhone, expect.stringContaining("“Can I move my Friday cut?”")],
    ]);
    // The owner's default: the same voicemail by email, once.
    expect(await db.notification.count({ where: { salonId: a.salon.id, idempotencyKey: { startsWith: memberAlertKey(`voicemail:${row.callSid}`, a.ownerM.id) } } })).toBe(1);
  });

  it("quiet hours hold texts and pushes until they end; email goes at once", async () => {
    const a = await team();
    const staffPhone = uniquePhone();
    const all = ["VOICEMAIL", "MISSED_CALL"];
    await saveAlertPreferences(
      { salonId: a.salon.id, userId: a.staff.id },
      prefs({ phone: staffPhone, sms: all, email: all, push: all, quietHoursEnabled: "on", quietHoursStart: "22:00", quietHoursEnd: "07:00" }),
    );
    await subscribeBrowser(a.salon.id, a.staff.id);
    const voicemail = await createCallLog(a.salon.id, { status: "COMPLETED", reason: "VOICEMAIL", recordingSid: "RE1", transcription: "Hi, it's Ana, running late." });
    expect(await dispatchAlert({ salonId: a.salon.id, event: "VOICEMAIL", ref: voicemail.callSid }, NIGHT)).toBe("sent");
    const key = memberAlertKey(`voicemail:${voicemail.callSid}`, a.staffM.id);
    expect((await alertTexts(a.salon.id, key)).map((n) => [n.channel, n.scheduledFor])).toEqual([
      ["SMS", NY_SEVEN_AM],
      ["EMAIL", null],
    ]);
    expect(await db.pushAlert.findFirst({ where: { key }, select: { sendAfter: true, body: true } })).toEqual({ sendAfter: NY_SEVEN_AM, body: "“Hi, it's Ana, running late.”" });
    // The owner kept the defaults: the voicemail by email, at once.
    expect((await alertTexts(a.salon.id, memberAlertKey(`voicemail:${voicemail.callSid}`, a.ownerM.id))).map((n) => n.channel)).toEqual(["EMAIL"]);

    // Outside quiet hours nothing waits; a call that is no longer missed alerts nobody.
    const missed = await createCallLog(a.salon.id, { status: "NO_ANSWER" });
    await dispatchAlert({ salonId: a.salon.id, event: "MISSED_CALL", ref: missed.callSid }, MORNING);
    expect((await alertTexts(a.salon.id, memberAlertKey(`missed_call:${missed.callSid}`, a.staffM.id))).map((n) => [n.channel, n.scheduledFor])).toEqual([
      ["SMS", null],
      ["EMAIL", null],
    ]);
    const gotVoicemail = await createCallLog(a.salon.id, { status: "NO_ANSWER", recordingSid: "RE2" });
    expect(await dispatchAlert({ salonId: a.salon.id, event: "MISSED_CALL", ref: gotVoicemail.callSid }, MORNING)).toBe("nothing_to_alert");
  });

  it("a push service's 404/410 removes the subscription; the member's other browsers still get it", async () => {
    const a = await team();
    await saveAlertPreferences({ salonId: a.salon.id, userId: a.staff.id }, prefs({ push: ["MISSED_CALL"] }));
    const kept = await subscribeBrowser(a.salon.id, a.staff.id);
    const dropped = await subscribeBrowser(a.salon.id, a.staff.id);
    push.unsubscribe(dropped.endpoint);
    const missed = await createCallLog(a.salon.id, { status: "NO_ANSWER" });
    await dispatchAlert({ salonId: a.salon.id, event: "MISSED_CALL", ref: missed.callSid }, MORNING);
    const alert = await db.pushAlert.findFirstOrThrow({ where: { salonId: a.salon.id } });
    expect(await sendPushAlert(alert.id, MORNING)).toBe("Sent to 1 of 2 browser(s); 1 no longer subscribed, removed.");
    expect(await db.pushSubscription.findMany({ where: { salonId: a.salon.id }, select: { endpoint: true } })).toEqual([{ endpoint: kept.endpoint }]);
    const received = push.received.filter((r) => kept.endpoint.endsWith(r.subscriptionId));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ ttl: 86400, urgency: "high", vapidKey: (await getVapidKeys()).publicKey });
  });

  it("makes one VAPID key pair when several ask at once", async () => {
    await db.vapidKey.deleteMany();
    const pairs = await Promise.all(
      Array.from({ length: 6 }, () => {
        forgetVapidKeysForTests();
        return getVapidKeys();
      }),
    );
    expect(new Set(pairs.map((p) => p.publicKey)).size).toBe(1);
    expect(await db.vapidKey.count()).toBe(1);
    expect(pairs[0]?.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
  });

  it("an R alerts the forwarding phone only in salons where no member gets reschedule requests by text", async () => {
    const forwardingPhone = uniquePhone();
    const plain = await team({ forwardingPhone });
    const customer = await createCustomer(plain.salon.id, { firstTextedAt: new Date() });
    await textSalon(plain.salon, customer.phone, "R");
    expect(await db.notification.count({ where: { salonId: plain.salon.id, kind: "STAFF_ALERT", destination: forwardingPhone } })).toBe(1);

    const set = await team({ forwardingPhone });
    const staffPhone = uniquePhone();
    await saveAlertPreferences({ salonId: set.salon.id, userId: set.staff.id }, prefs({ phone: staffPhone, sms: ["RESCHEDULE_REQUEST"] }));
    const other = await createCustomer(set.salon.id, { firstTextedAt: new Date() });
    const { messageSid } = await textSalon(set.salon, other.phone, "R");
    expect(await db.notification.count({ where: { salonId: set.salon.id, kind: "STAFF_ALERT" } })).toBe(0);
    await dispatchAlert({ salonId: set.salon.id, event: "RESCHEDULE_REQUEST", ref: messageSid }, MORNING);
    expect(await db.notification.findMany({ where: { salonId: set.salon.id, kind: "MEMBER_ALERT" }, select: { destination: true } })).toEqual([{ destination: staffPhone }]);
  });
});
