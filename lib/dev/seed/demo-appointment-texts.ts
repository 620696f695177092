// The texts the demo's appointments have already caused, as the real path would have sent them: the
// automatic confirmation when each was booked (in opening hours), and every reminder whose moment has
// passed — held to the morning by quiet hours, dropped if the appointment had started by then —
// worded by the real renderers and keyed as the real path keys them. Reminders still ahead are queued
// by scheduleReminders itself (lib/seed/demo.ts).
import type { AppointmentForMessaging } from "@/lib/appointments/get-appointment";
import { autoConfirmationKey, renderConfirmationBody } from "@/lib/messaging/confirmations";
import { reminderKey, renderReminderBody, STARTED_REASON, wordingOf } from "@/lib/messaging/reminders";
import { OPTED_OUT_REASON } from "@/lib/messaging/send-sms";
import { sendableAt, type DemoClock } from "@/lib/dev/seed/demo-clock";
import type { Rand } from "@/lib/dev/seed/demo-random";
import type { DemoAppointment } from "@/lib/dev/seed/demo-schedule";
import { buildDemoText, type DemoText, type DemoTextOutcome } from "@/lib/dev/seed/demo-text-row";

export type DemoTextCustomer = {
  id: string;
  name: string;
  phone: string;
  optedOutAt: Date | null;
  landline: boolean;
};

export type DemoBook = {
  salon: AppointmentForMessaging["salon"];
  clock: DemoClock;
  customers: ReadonlyMap<string, DemoTextCustomer>;
  employeeNames: ReadonlyMap<string, string>;
  serviceNames: ReadonlyMap<string, string>;
};

/** The appointment as the messaging code reads it (names for the wording, the booking as its version). */
function toMessaging(book: DemoBook, a: DemoAppointment): AppointmentForMessaging {
  const customer = book.customers.get(a.customerId);
  return {
    id: a.id,
    salonId: book.salon.id,
    customerId: a.customerId,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    status: "BOOKED",
    updatedAt: a.createdAt,
    salon: book.salon,
    customer: { id: a.customerId, name: customer?.name ?? null, phone: customer?.phone ?? "", language: null },
    employee: {
      id: a.employeeId,
      name: book.employeeNames.get(a.employeeId) ?? "",
      phone: null,
      active: true,
    },
    service: { id: a.serviceId, name: book.serviceNames.get(a.serviceId) ?? "" },
    notificationKey: null,
  };
}

/** What happened to a text to this customer at `at`: stopped by STOP, bounced by a landline, or (mostly) delivered. */
function customerTextOutcome(rand: Rand, customer: DemoTextCustomer, at: Date): DemoTextOutcome {
  if (customer.optedOutAt && customer.optedOutAt <= at)
    return { status: "CANCELED", reason: OPTED_OUT_REASON };
  if (customer.landline) return { status: "FAILED", errorCode: "30006" };
  const roll = rand();
  if (roll < 0.03) return { status: "UNDELIVERED", errorCode: "30003" };
  // Some carriers never send a delivery receipt: the text stays "Sent".
  if (roll < 0.08) return { status: "SENT" };
  return { status: "DELIVERED" };
}

function textFor(
  book: DemoBook,
  a: DemoAppointment,
  fields: Pick<
    Parameters<typeof buildDemoText>[0],
    "kind" | "body" | "key" | "queuedAt" | "scheduledFor" | "outcome"
  >,
): DemoText {
  const customer = book.customers.get(a.customerId);
  return buildDemoText({
    ...fields,
    salonId: book.salon.id,
    destination: customer?.phone ?? "",
    recipientKind: "CUSTOMER",
    customerId: a.customerId,
    appointmentId: a.id,
  });
}

function remindersSent(
  book: DemoBook,
  rand: Rand,
  a: DemoAppointment,
  customer: DemoTextCustomer,
): DemoText[] {
  const { now } = book.clock;
  const texts: DemoText[] = [];
  for (const offset of new Set(book.salon.reminderOffsetsMinutes.filter((m) => m > 0))) {
    const planned = new Date(a.startsAt.getTime() - offset * 60_000);
    // Booked too late for this one, or still ahead (scheduleReminders queues those).
    if (planned <= a.createdAt || planned >= now) continue;
    const sendAt = sendableAt(book.clock, planned);
    // Still held for the morning: it would be waiting in the queue, which the seed doesn't fill.
    if (sendAt >= now) continue;
    const outcome: DemoTextOutcome =
      sendAt >= a.startsAt
        ? { status: "CANCELED", reason: STARTED_REASON }
        : customerTextOutcome(rand, customer, sendAt);
    texts.push(
      textFor(book, a, {
        kind: "REMINDER",
        body: renderReminderBody(wordingOf(toMessaging(book, a)), sendAt),
        key: reminderKey(a.id, a.startsAt, offset, a.createdAt),
        // Shown in the customer's thread when it went out, not when the booking queued it.
        queuedAt: sendAt,
        scheduledFor: planned,
        outcome,
      }),
    );
  }
  return texts;
}

export function buildAppointmentTexts(
  book: DemoBook,
  rand: Rand,
  appointments: DemoAppointment[],
): DemoText[] {
  const texts: DemoText[] = [];
  for (const a of appointments) {
    const customer = book.customers.get(a.customerId);
    if (!customer) continue;
    if (book.salon.autoConfirm) {
      const messaging = toMessaging(book, a);
      texts.push(
        textFor(book, a, {
          kind: "CONFIRMATION",
          body: renderConfirmationBody(messaging, a.createdAt),
          key: autoConfirmationKey(messaging),
          queuedAt: a.createdAt,
          outcome: customerTextOutcome(rand, customer, a.createdAt),
        }),
      );
    }
    texts.push(...remindersSent(book, rand, a, customer));
  }
  return texts;
}
