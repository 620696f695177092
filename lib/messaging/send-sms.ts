// The one way a text leaves Bolt: the Notification row is written first (QUEUED), then the
// delivery job is queued. Everything after that — opt-out, quiet hours, quota, the Twilio call,
// retries — happens in the job (lib/messaging/delivery/deliver-notification.ts).
import type { Notification, NotificationKind, RecipientKind } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/api/errors";
import { noteTextWritten } from "@/lib/conversations/conversation-activity";
import { enqueueDelivery } from "@/lib/jobs/enqueue";
import { composeSmsBody } from "@/lib/messaging/compose";
import { isAllowedWhenOptedOut } from "@/lib/messaging/opt-out";
import { countSegments } from "@/lib/messaging/segments";

export type SmsRecipient = { customerId: string } | { employeeId: string } | { phone: string };

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

type ResolvedRecipient = {
  kind: RecipientKind;
  destination: string;
  customerId: string | null;
  employeeId: string | null;
  firstText: boolean;
  optedOut: boolean;
};

const customerSelect = { id: true, phone: true, firstTextedAt: true, smsConsent: true } as const;

// The system client with salonId in every where: callers (API wrapper, server actions, jobs) have
// already established the salon, and this path must stay cheap for reminder fan-out.
async function resolveRecipient(salonId: string, to: SmsRecipient): Promise<ResolvedRecipient> {
  if ("employeeId" in to) {
    const employee = await db.employee.findFirst({
      where: { id: to.employeeId, salonId },
      select: { id: true, phone: true },
    });
    if (!employee) throw notFound("Employee");
    if (!employee.phone) {
      throw new ApiError({
        code: "no_phone",
        status: 422,
        message: "This employee has no mobile number on file.",
      });
    }
    return {
      kind: "EMPLOYEE",
      destination: employee.phone,
      customerId: null,
      employeeId: employee.id,
      firstText: false,
      optedOut: false,
    };
  }
  const customer =
    "customerId" in to
      ? await db.customer.findFirst({ where: { id: to.customerId, salonId }, select: customerSelect })
      : await db.customer.findUnique({
          where: { salonId_phone: { salonId, phone: to.phone } },
          select: customerSelect,
        });
  if (!customer) {
    if ("customerId" in to) throw notFound("Customer");
    return {
      kind: "OTHER",
      destination: to.phone,
      customerId: null,
      employeeId: null,
      firstText: false,
      optedOut: false,
    };
  }
  return {
    kind: "CUSTOMER",
    destination: customer.phone,
    customerId: customer.id,
    firstText: customer.firstTextedAt === null,
    optedOut: customer.smsConsent === "OPTED_OUT",
    employeeId: null,
  };
}

async function findByIdempotencyKey(salonId: string, idempotencyKey: string): Promise<Notification | null> {
  return db.notification.findUnique({ where: { salonId_idempotencyKey: { salonId, idempotencyKey } } });
}

/** An idempotent replay re-queues a still-waiting notification (a no-op if its job exists). */
async function replay(existing: Notification): Promise<Notification> {
  if (existing.status === "QUEUED") {
    await enqueueDelivery({
      notificationId: existing.id,
      salonId: existing.salonId,
      startAfter: existing.scheduledFor,
    });
  }
  return existing;
}

export const OPTED_OUT_REASON = "The customer replied STOP and has opted out of texts from this salon.";

/** Creates the Notification (QUEUED, or CANCELED for an opted-out customer) and queues its delivery. */
export async function sendSms(input: SendSmsInput): Promise<Notification> {
  const { salonId, idempotencyKey } = input;
  if (idempotencyKey) {
    const existing = await findByIdempotencyKey(salonId, idempotencyKey);
    if (existing) return replay(existing);
  }
  const [salon, recipient] = await Promise.all([
    db.salon.findUnique({ where: { id: salonId }, select: { name: true } }),
    resolveRecipient(salonId, input.to),
  ]);
  if (!salon) throw notFound("Salon");

  // An opted-out customer gets nothing but the answer to the keyword they just sent (STOP/HELP).
  const blocked = recipient.optedOut && !isAllowedWhenOptedOut(input.kind);
  const firstText = recipient.firstText && !recipient.optedOut;
  const body = composeSmsBody({ salonName: salon.name, body: input.body, firstText });
  const status = blocked ? "CANCELED" : "QUEUED";
  let notification: Notification;
  try {
    notification = await db.notification.create({
      data: {
        salonId,
        channel: "SMS",
        kind: input.kind,
        status,
        recipientKind: recipient.kind,
        destination: recipient.destination,
        customerId: recipient.customerId,
        employeeId: recipient.employeeId,
        appointmentId: input.appointmentId ?? null,
        createdByUserId: input.createdByUserId ?? null,
        idempotencyKey: idempotencyKey ?? null,
        scheduledFor: input.scheduledFor ?? null,
        body,
        segmentCount: countSegments(body).segments,
        failureReason: blocked ? OPTED_OUT_REASON : null,
      },
    });
  } catch (err) {
    // Two requests with one key raced: the loser answers with the winner's notification.
    if (idempotencyKey && err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const existing = await findByIdempotencyKey(salonId, idempotencyKey);
      if (existing) return replay(existing);
    }
    throw err;
  }

  await db.notificationEvent.create({
    data: {
      salonId,
      notificationId: notification.id,
      status,
      detail: blocked
        ? OPTED_OUT_REASON
        : input.scheduledFor && input.scheduledFor.getTime() > Date.now()
          ? `Scheduled for ${input.scheduledFor.toISOString()}`
          : "Queued",
    },
  });
  // A text staff wrote to a customer moves their conversation up the inbox; Bolt's own texts don't.
  await noteTextWritten(db, notification);
  if (status === "QUEUED") {
    await enqueueDelivery({
      notificationId: notification.id,
      salonId,
      startAfter: notification.scheduledFor,
    });
  }
  return notification;
}
