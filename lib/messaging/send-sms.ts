// The one way a text leaves Bolt: the Notification row is written first (QUEUED), then the
// delivery job is queued. Everything after that — opt-out, quiet hours, quota, the Twilio call,
// retries — happens in the job (lib/messaging/delivery/deliver-notification.ts). sendSms is the batch
// of one: a burst (a morning's reminders, a booking import) goes through sendSmsBatch, the same rules
// per text, with one statement writing the texts and their events and one queuing their jobs per batch.
import { randomBytes } from "node:crypto";
import type { Notification, NotificationKind } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/api/errors";
import { noteTextWritten } from "@/lib/conversations/conversation-activity";
import { handleConversationByReply } from "@/lib/conversations/conversation-follow-up";
import { enqueueDeliveries } from "@/lib/jobs/enqueue";
import { composeSmsBody } from "@/lib/messaging/compose";
import { insertTexts, type NewText } from "@/lib/messaging/insert-texts";
import { isAllowedWhenOptedOut } from "@/lib/messaging/opt-out";
import { countSegments } from "@/lib/messaging/segments";
import { resolveRecipients, type SmsRecipient } from "@/lib/messaging/sms-recipients";

export type { SmsRecipient };

export type SendSmsInput = {
  salonId: string;
  kind: NotificationKind;
  body: string;
  to: SmsRecipient;
  appointmentId?: string;
  createdByUserId?: string;
  /** Same (salon, key) twice → the first notification is returned and nothing is sent again. */
  idempotencyKey?: string;
  /** Send at this moment (reminders); omitted or past → now. */
  scheduledFor?: Date;
};

export const OPTED_OUT_REASON = "The customer replied STOP and has opted out of texts from this salon.";

export const NO_NUMBER_MESSAGE = "This salon has no phone number yet — start your trial in Settings → Billing.";

/** The salons among `salonIds` that have a number to text from (jobs drop the others' texts up front). */
export async function salonsWithNumber(salonIds: string[]): Promise<Set<string>> {
  const rows = await db.salon.findMany({
    where: { id: { in: [...new Set(salonIds)] }, twilioNumber: { not: null } },
    select: { id: true },
  });
  return new Set(rows.map((s) => s.id));
}

/** Texts written per statement: big enough to amortise the round trips, small enough for one INSERT. */
const SEND_BATCH_SIZE = 1000;

const keyOf = (salonId: string, idempotencyKey: string) => `${salonId}\u0000${idempotencyKey}`;

let idCounter = 0;

/**
 * Shaped like the cuids Prisma makes (time, counter, randomness), but known before the insert, so the
 * rows a batch inserts map back to its inputs; the counter keeps a batch's ids in input order.
 */
function newNotificationId(): string {
  idCounter = (idCounter + 1) % 36 ** 4;
  const random = Array.from(randomBytes(12), (b) => (b % 36).toString(36)).join("");
  return `c${Date.now().toString(36).padStart(8, "0")}${idCounter.toString(36).padStart(4, "0")}${random}`;
}

/** The notifications already holding these (salon, key) pairs. */
async function findByIdempotencyKeys(inputs: SendSmsInput[]): Promise<Map<string, Notification>> {
  const keyed = inputs.filter((i) => i.idempotencyKey);
  if (keyed.length === 0) return new Map();
  const rows = await db.notification.findMany({
    where: {
      salonId: { in: [...new Set(keyed.map((i) => i.salonId))] },
      idempotencyKey: { in: [...new Set(keyed.map((i) => i.idempotencyKey!))] },
    },
  });
  return new Map(rows.map((n) => [keyOf(n.salonId, n.idempotencyKey!), n]));
}

/** Creates the Notification (QUEUED, or CANCELED for an opted-out customer) and queues its delivery. */
export async function sendSms(input: SendSmsInput): Promise<Notification> {
  const [notification] = await sendSmsBatch([input]);
  return notification!;
}

/**
 * sendSms for many texts, answering in input order. Per text, the same rules: an idempotency key
 * already used in the salon (earlier, by a racing request, or earlier in this batch) answers with that
 * notification and re-queues it if still waiting; an opted-out customer's text is written CANCELED;
 * the first text to a customer carries the opt-out line. An unknown salon, customer or employee, or a
 * salon with no number to text from (409 no_phone_number), fails the batch before anything is written.
 */
export async function sendSmsBatch(inputs: SendSmsInput[]): Promise<Notification[]> {
  const out: Notification[] = [];
  for (let i = 0; i < inputs.length; i += SEND_BATCH_SIZE)
    out.push(...(await sendChunk(inputs.slice(i, i + SEND_BATCH_SIZE))));
  return out;
}

async function sendChunk(inputs: SendSmsInput[]): Promise<Notification[]> {
  const existing = await findByIdempotencyKeys(inputs);
  const keys = inputs.map((i) => (i.idempotencyKey ? keyOf(i.salonId, i.idempotencyKey) : null));
  // Texts to write: those without a key, and each new key's first use (later uses share its answer).
  const firstUse = new Map<string, number>();
  const fresh = inputs.flatMap((input, i) => {
    const key = keys[i];
    if (key && (existing.has(key) || firstUse.has(key))) return [];
    if (key) firstUse.set(key, i);
    return [i];
  });
  const now = new Date();
  const rows = await buildRows(fresh.map((i) => inputs[i]!), now);
  const inserted = await insertTexts(rows, now);
  const byId = new Map(inserted.map((n) => [n.id, n]));
  const written = new Map(fresh.map((i, j) => [i, byId.get(rows[j]!.id)]));
  // A key taken meanwhile by a racing request: the loser answers with the winner's notification.
  const lost = fresh.filter((i) => !written.get(i)).map((i) => inputs[i]!);
  for (const [key, n] of await findByIdempotencyKeys(lost)) existing.set(key, n);

  // A text staff wrote to a customer moves their conversation up the inbox and answers its follow-up
  // (Bolt's own: no query).
  for (const n of inserted) {
    await noteTextWritten(db, n);
    await handleConversationByReply(db, n);
  }
  const answers = inputs.map((_, i) => {
    const key = keys[i];
    const answer = written.get(i) ?? (key ? (existing.get(key) ?? written.get(firstUse.get(key)!)) : undefined);
    if (!answer) throw new Error("a text was neither written nor found under its idempotency key");
    return answer;
  });
  // New texts and idempotent replays still waiting: queued (again; a job already there is kept).
  const waiting = new Map(answers.filter((n) => n.status === "QUEUED").map((n) => [n.id, n]));
  await enqueueDeliveries(
    [...waiting.values()].map((n) => ({ notificationId: n.id, salonId: n.salonId, startAfter: n.scheduledFor })),
  );
  return answers;
}

/** The rows to insert, in the order of `inputs`. */
async function buildRows(inputs: SendSmsInput[], now: Date): Promise<NewText[]> {
  if (inputs.length === 0) return [];
  const salonIds = [...new Set(inputs.map((i) => i.salonId))];
  const [salons, recipients] = await Promise.all([
    db.salon.findMany({ where: { id: { in: salonIds } }, select: { id: true, name: true, twilioNumber: true } }),
    resolveRecipients(inputs),
  ]);
  // Nothing is queued for a salon without a number: the text could only fail later, unexplained.
  if (salons.some((s) => !s.twilioNumber)) throw conflict("no_phone_number", NO_NUMBER_MESSAGE);
  const salonNames = new Map(salons.map((s) => [s.id, s.name]));
  return inputs.map((input, i) => {
    const salonName = salonNames.get(input.salonId);
    if (salonName === undefined) throw notFound("Salon");
    const recipient = recipients[i]!;
    // An opted-out customer gets nothing but the answer to the keyword they just sent (STOP/HELP).
    const blocked = recipient.optedOut && !isAllowedWhenOptedOut(input.kind);
    const firstText = recipient.firstText && !recipient.optedOut;
    const body = composeSmsBody({ salonName, body: input.body, firstText, language: recipient.language });
    const scheduledFor = input.scheduledFor ?? null;
    return {
      id: newNotificationId(),
      salonId: input.salonId,
      kind: input.kind,
      status: blocked ? "CANCELED" : "QUEUED",
      recipientKind: recipient.kind,
      destination: recipient.destination,
      customerId: recipient.customerId,
      employeeId: recipient.employeeId,
      appointmentId: input.appointmentId ?? null,
      createdByUserId: input.createdByUserId ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      scheduledFor,
      body,
      segmentCount: countSegments(body).segments,
      failureReason: blocked ? OPTED_OUT_REASON : null,
      detail: blocked
        ? OPTED_OUT_REASON
        : scheduledFor && scheduledFor.getTime() > now.getTime()
          ? `Scheduled for ${scheduledFor.toISOString()}`
          : "Queued",
    };
  });
}
