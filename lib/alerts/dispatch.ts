// One alert per event per member, however often the event's webhook is retried. The source enqueues a
// dispatch job whose id is the event's key (a replay inserts nothing); the job reads the event, and for
// each member who chose it sends on their channels under keys of its own — a text "alert:<event key>:
// <membershipId>", an email "…:email", a push alert row "…" — so a retried or duplicated job adds nothing.
// A member's quiet hours (salon zone) hold texts and pushes until they end; email goes at once (nobody's
// phone buzzes for it at night, and the inbox keeps it).
import { getBoss } from "@/lib/jobs/boss";
import { DISPATCH_ALERT, SEND_PUSH_ALERT, stableJobId, type DispatchAlertPayload } from "@/lib/jobs/queues";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ALERT_EVENTS, alertChoicesOf, type AlertChoices, type AlertEvent } from "@/lib/alerts/events";
import { describeAlert, type AlertContent } from "@/lib/alerts/alert-content";
import { sendEmail } from "@/lib/messaging/send-email";
import { isInQuietHours, nextSendableTime } from "@/lib/messaging/quiet-hours";
import { sendSms } from "@/lib/messaging/send-sms";
import { realTimeOf, salonClockTime } from "@/lib/time/clock";

/** How long a voicemail's alert waits for its transcript (which, arriving sooner, sends it at once). */
export const VOICEMAIL_TRANSCRIPT_WAIT_MS = 90_000;

export type AlertSource = { salonId: string; event: AlertEvent; ref: string };

const alertEventKey = (source: Pick<AlertSource, "event" | "ref">) => `${source.event.toLowerCase()}:${source.ref}`;
export const memberAlertKey = (eventKey: string, membershipId: string) => `alert:${eventKey}:${membershipId}`;

/**
 * Queues the event's alerts (at `startAfter`: a missed call waits for a late voicemail). `attempt` names
 * a second source of the same event (a voicemail's recording and its transcript): each gets a job, the
 * first to run sends, the other finds every key taken.
 */
export async function enqueueAlert(source: AlertSource, opts: { startAfter?: Date; attempt?: string } = {}): Promise<void> {
  const id = stableJobId(`${source.salonId}:${alertEventKey(source)}:${opts.attempt ?? ""}`);
  const boss = await getBoss();
  await boss.insert(DISPATCH_ALERT, [{ id, data: source satisfies DispatchAlertPayload, ...(opts.startAfter ? { startAfter: opts.startAfter } : {}) }]);
}

/** When a member's quiet hours end, if `now` falls in them; null: not quiet. */
function quietUntil(choices: AlertChoices, timeZone: string, now: Date): Date | null {
  if (!choices.quietHours) return null;
  const settings = { timeZone, ...choices.quietHours };
  const salonNow = salonClockTime(now);
  return isInQuietHours(salonNow, settings) ? realTimeOf(nextSendableTime(salonNow, settings)) : null;
}

type Recipient = { membershipId: string; email: string; choices: AlertChoices; pushBrowsers: number };

/** Sends `content` to one member on the channels given, under `key`. */
export async function alertMember(
  salonId: string,
  member: Recipient,
  channels: { sms: boolean; email: boolean; push: boolean },
  content: AlertContent & { key: string; heldUntil: Date | null; now: Date },
): Promise<void> {
  const { key, heldUntil, now } = content;
  if (channels.sms && member.choices.phone) {
    await sendSms({
      salonId,
      kind: "MEMBER_ALERT",
      body: `${content.title}. ${content.body}`,
      to: { phone: member.choices.phone },
      idempotencyKey: key,
      scheduledFor: heldUntil ?? undefined,
    });
  }
  if (channels.email) {
    await sendEmail({
      salonId,
      kind: "MEMBER_ALERT",
      subject: content.title,
      body: `${content.body}\n\nOpen it in Bolt: ${new URL(content.url, env.PUBLIC_BASE_URL).toString()}`,
      to: { email: member.email },
      idempotencyKey: `${key}:email`,
    });
  }
  if (channels.push && member.pushBrowsers > 0) {
    const sendAfter = heldUntil ?? now;
    await db.pushAlert.createMany({
      data: [{ salonId, membershipId: member.membershipId, key, title: content.title, body: content.body, url: content.url, sendAfter }],
      skipDuplicates: true,
    });
    const alert = await db.pushAlert.findUniqueOrThrow({ where: { salonId_key: { salonId, key } }, select: { id: true, sendAfter: true } });
    const boss = await getBoss();
    await boss.insert(SEND_PUSH_ALERT, [{ id: stableJobId(`push:${alert.id}`), data: { pushAlertId: alert.id }, startAfter: alert.sendAfter }]);
  }
}

/** The salon's members, with their choices. */
export async function alertRecipients(salonId: string, where: { userId?: string } = {}): Promise<Recipient[]> {
  const members = await db.membership.findMany({
    where: { salonId, ...where },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      role: true,
      user: { select: { email: true } },
      alertPreference: { select: { phone: true, smsEvents: true, emailEvents: true, pushEvents: true, quietHoursStart: true, quietHoursEnd: true } },
      _count: { select: { pushSubscriptions: true } },
    },
  });
  return members.map((m) => ({
    membershipId: m.id,
    email: m.user.email,
    choices: alertChoicesOf(m.alertPreference, m.role),
    pushBrowsers: m._count.pushSubscriptions,
  }));
}

export type DispatchResult = "sent" | "nothing_to_alert" | "unknown_event";

/** The dispatch job: alerts every member who chose this event. */
export async function dispatchAlert(source: DispatchAlertPayload, now: Date): Promise<DispatchResult> {
  const event = ALERT_EVENTS.find((e) => e === source.event);
  if (!event) return "unknown_event";
  // Who wants it first: with the defaults most events (every incoming text) alert nobody, and cost no more.
  const wanting = (await alertRecipients(source.salonId))
    .map((member) => ({
      member,
      channels: {
        sms: member.choices.events.sms.includes(event),
        email: member.choices.events.email.includes(event),
        push: member.choices.events.push.includes(event),
      },
    }))
    .filter(({ channels }) => channels.sms || channels.email || channels.push);
  if (wanting.length === 0) return "nothing_to_alert";
  const content = await describeAlert(source.salonId, event, source.ref);
  if (!content) return "nothing_to_alert";
  const salon = await db.salon.findUniqueOrThrow({ where: { id: source.salonId }, select: { timeZone: true, twilioNumber: true } });
  const eventKey = alertEventKey({ event, ref: source.ref });
  // One member's failure (an email server down) doesn't keep the others from theirs; the job still fails
  // at the end, and its retry finds the delivered keys taken.
  let failed: unknown;
  for (const { member, channels } of wanting) {
    const heldUntil = quietUntil(member.choices, salon.timeZone, now);
    try {
      await alertMember(
        source.salonId,
        member,
        { ...channels, sms: channels.sms && salon.twilioNumber !== null },
        { ...content, key: memberAlertKey(eventKey, member.membershipId), heldUntil, now },
      );
    } catch (err) {
      failed ??= err;
    }
  }
  if (failed) throw failed;
  return "sent";
}

/**
 * Whether a member gets reschedule requests by text: then the salon's forwarding phone no longer gets
 * its own alert about them (lib/messaging/keyword-actions.ts), which salons that set up nothing keep.
 */
export async function someoneTextedAbout(salonId: string, event: AlertEvent): Promise<boolean> {
  const found = await db.alertPreference.findFirst({
    where: { salonId, phone: { not: null }, smsEvents: { has: event } },
    select: { id: true },
  });
  return found !== null;
}
