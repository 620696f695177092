// E-mail notifications take the same path as texts: a Notification row (channel EMAIL, QUEUED),
// then the delivery job, which hands it to SMTP (env.SMTP_URL) or, with none configured, keeps it
// in the local sink — the row itself, visible in the notifications table.
import type { Notification, NotificationKind, RecipientKind } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/api/errors";
import { enqueueDelivery } from "@/lib/jobs/enqueue";

export type EmailRecipient = { customerId: string } | { employeeId: string } | { email: string };

export type SendEmailInput = {
  salonId: string;
  kind: NotificationKind;
  subject: string;
  body: string;
  to: EmailRecipient;
  appointmentId?: string;
  createdByUserId?: string;
  idempotencyKey?: string;
  scheduledFor?: Date;
};

async function resolveEmail(salonId: string, to: EmailRecipient) {
  if ("email" in to)
    return { kind: "OTHER" as RecipientKind, destination: to.email, customerId: null, employeeId: null };
  const person =
    "customerId" in to
      ? await db.customer.findFirst({
          where: { id: to.customerId, salonId },
          select: { id: true, email: true },
        })
      : await db.employee.findFirst({
          where: { id: to.employeeId, salonId },
          select: { id: true, email: true },
        });
  if (!person) throw notFound("customerId" in to ? "Customer" : "Employee");
  if (!person.email)
    throw new ApiError({ code: "no_email", status: 422, message: "There is no e-mail address on file." });
  return "customerId" in to
    ? {
        kind: "CUSTOMER" as RecipientKind,
        destination: person.email,
        customerId: person.id,
        employeeId: null,
      }
    : {
        kind: "EMPLOYEE" as RecipientKind,
        destination: person.email,
        customerId: null,
        employeeId: person.id,
      };
}

function findByKey(salonId: string, idempotencyKey: string) {
  return db.notification.findUnique({ where: { salonId_idempotencyKey: { salonId, idempotencyKey } } });
}

/** Creates the EMAIL notification (QUEUED) and queues its delivery; same idempotency rules as sendSms. */
export async function sendEmail(input: SendEmailInput): Promise<Notification> {
  const { salonId, idempotencyKey } = input;
  if (idempotencyKey) {
    const existing = await findByKey(salonId, idempotencyKey);
    if (existing) return existing;
  }
  const recipient = await resolveEmail(salonId, input.to);
  let notification: Notification;
  try {
    notification = await db.notification.create({
      data: {
        salonId,
        channel: "EMAIL",
        kind: input.kind,
        recipientKind: recipient.kind,
        destination: recipient.destination,
        customerId: recipient.customerId,
        employeeId: recipient.employeeId,
        subject: input.subject,
        body: input.body,
        segmentCount: 0,
        appointmentId: input.appointmentId ?? null,
        createdByUserId: input.createdByUserId ?? null,
        idempotencyKey: idempotencyKey ?? null,
        scheduledFor: input.scheduledFor ?? null,
        events: { create: { salonId, status: "QUEUED", detail: "Queued" } },
      },
    });
  } catch (err) {
    if (idempotencyKey && err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const existing = await findByKey(salonId, idempotencyKey);
      if (existing) return existing;
    }
    throw err;
  }
  await enqueueDelivery({ notificationId: notification.id, salonId, startAfter: notification.scheduledFor });
  return notification;
}
