// Deterministic demo rows (a seeded PRNG, so every fresh start looks alike).
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

const FIRST = ["Ava", "Liam", "Sofia", "Noah", "Isabella", "Mateo", "Chloe", "Ethan", "Priya", "Marcus", "Hana", "Olivia", "Diego", "Grace"];
const LAST = ["Martinez", "Nguyen", "Johnson", "Patel", "Kim", "Garcia", "Brown", "Rossi", "Okafor", "Silva", "Cohen", "Walker", "Tanaka", "Reyes"];
const INBOUND_TEXTS = ["Hi! Do you have anything open Saturday morning?", "C", "Running 10 min late, sorry!", "How much is a balayage?", "Thank you, see you then!", "R"];

export function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function buildDemoActivity(salonId: string, now: Date) {
  const rand = prng(42);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const id = () => randomUUID();

  const employees: Prisma.EmployeeCreateManyInput[] = [
    { id: id(), salonId, name: "Sam Rivera", phone: "+14155550111", email: "sam@luxehair.example" },
    { id: id(), salonId, name: "Alexis Moore", phone: "+14155550112", email: "alexis@luxehair.example" },
    { id: id(), salonId, name: "Jamie Park", phone: "+14155550113", email: "jamie@luxehair.example" },
    { id: id(), salonId, name: "Taylor Brooks", phone: "+14155550114", active: false },
  ];
  const services: Prisma.ServiceCreateManyInput[] = [
    { id: id(), salonId, name: "Women's cut & style", durationMinutes: 60, priceCents: 8500 },
    { id: id(), salonId, name: "Men's cut", durationMinutes: 30, priceCents: 4500 },
    { id: id(), salonId, name: "Single-process color", durationMinutes: 90, priceCents: 12000 },
    { id: id(), salonId, name: "Balayage", durationMinutes: 180, priceCents: 26000 },
    { id: id(), salonId, name: "Blowout", durationMinutes: 45, priceCents: 5500 },
    { id: id(), salonId, name: "Deep conditioning", durationMinutes: 30, priceCents: 3500 },
  ];
  const customers: Prisma.CustomerCreateManyInput[] = FIRST.map((first, i) => ({
    id: id(),
    salonId,
    name: `${first} ${LAST[i]}`,
    phone: `+1415555${String(2000 + i * 7).padStart(4, "0")}`,
    email: i % 3 === 0 ? `${first.toLowerCase()}@example.com` : null,
    smsConsent: i === 5 ? "OPTED_OUT" : "OPTED_IN",
    optedOutAt: i === 5 ? new Date(now.getTime() - 5 * DAY) : null,
    firstTextedAt: new Date(now.getTime() - 30 * DAY),
  }));
  const activeEmployees = employees.filter((e) => e.active !== false);

  const appointments: Prisma.AppointmentCreateManyInput[] = [];
  for (let day = 0; day < 7; day++) {
    for (let slot = 0; slot < 3; slot++) {
      const service = pick(services);
      const start = new Date(now.getTime() + day * DAY + (2 + slot * 3) * HOUR);
      start.setUTCMinutes(slot % 2 === 0 ? 0 : 30, 0, 0);
      appointments.push({
        id: id(),
        salonId,
        customerId: pick(customers).id as string,
        employeeId: pick(activeEmployees).id,
        serviceId: service.id,
        startsAt: start,
        endsAt: new Date(start.getTime() + service.durationMinutes * 60_000),
        status: day === 0 && slot === 0 ? "CONFIRMED" : "BOOKED",
        confirmedAt: day === 0 && slot === 0 ? now : null,
      });
    }
  }

  const notifications: Prisma.NotificationCreateManyInput[] = [];
  const notificationEvents: Prisma.NotificationEventCreateManyInput[] = [];
  for (let i = 0; i < 36; i++) {
    const customer = pick(customers);
    const createdAt = new Date(now.getTime() - rand() * 14 * DAY);
    const roll = rand();
    const status = roll < 0.78 ? "DELIVERED" : roll < 0.88 ? "SENT" : roll < 0.95 ? "FAILED" : "UNDELIVERED";
    const kind = pick(["CONFIRMATION", "REMINDER", "REMINDER", "CUSTOM", "AUTO_REPLY", "MISSED_CALL"] as const);
    const nid = id();
    const failed = status === "FAILED" || status === "UNDELIVERED";
    notifications.push({
      id: nid,
      salonId,
      recipientKind: "CUSTOMER",
      customerId: customer.id,
      destination: customer.phone,
      body: `Luxe Hair Studio: ${kind === "REMINDER" ? "Reminder: your appointment is tomorrow at 10:00 AM. Reply C to confirm." : kind === "CONFIRMATION" ? "Your appointment is booked. Reply C to confirm." : "Thanks for reaching out! We'll text you back shortly."}`,
      kind,
      status,
      providerMessageId: `SM${randomUUID().replace(/-/g, "")}`,
      errorCode: failed ? (status === "FAILED" ? "30006" : "30003") : null,
      failureReason: failed ? (status === "FAILED" ? "The number is a landline or can't receive texts." : "The phone was unreachable (switched off or out of coverage).") : null,
      createdAt,
      sentAt: new Date(createdAt.getTime() + 2000),
      deliveredAt: status === "DELIVERED" ? new Date(createdAt.getTime() + 5000) : null,
      failedAt: failed ? new Date(createdAt.getTime() + 6000) : null,
    });
    const steps = ["QUEUED", "SENT", status] as const;
    steps.forEach((s, k) => {
      if (k === 2 && s === "SENT") return;
      notificationEvents.push({ id: id(), salonId, notificationId: nid, status: s, occurredAt: new Date(createdAt.getTime() + k * 2500) });
    });
  }

  const inboundMessages: Prisma.InboundMessageCreateManyInput[] = INBOUND_TEXTS.map((body, i) => {
    const customer = customers[(i * 3) % customers.length]!;
    const receivedAt = new Date(now.getTime() - (i + 1) * 5 * HOUR);
    return {
      id: id(),
      salonId,
      customerId: customer.id as string,
      messageSid: `SM${randomUUID().replace(/-/g, "")}`,
      from: customer.phone,
      to: "+14155550142",
      body,
      keyword: body === "C" ? "CONFIRM" : body === "R" ? "RESCHEDULE" : null,
      receivedAt,
      readAt: i > 2 ? receivedAt : null,
    };
  });
  for (const m of inboundMessages) {
    const c = customers.find((x) => x.id === m.customerId);
    if (c && (!c.lastMessageAt || (c.lastMessageAt as Date) < (m.receivedAt as Date))) c.lastMessageAt = m.receivedAt;
  }

  return { employees, services, customers, appointments, notifications, notificationEvents, inboundMessages };
}
