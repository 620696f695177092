// Test data through the system client (`db` sees every salon). Every call makes unique names, slugs,
// phones and ids, so tests never collide; overrides win over the defaults.
import { hash } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import { withOutcome } from "@/lib/calls/write-call-logs";
import { db } from "@/lib/db";
import type { Prisma, Role, User } from "@/lib/generated/prisma/client";
import { parseInboundKeyword } from "@/lib/messaging/keywords";

type Overrides<T> = Partial<Omit<T, "salonId">>;

let seq = 0;
/** Short, unique within the run: a per-process counter plus randomness for parallel files. */
function uniqueSuffix(): string {
  seq += 1;
  return `${seq.toString(36)}${randomBytes(3).toString("hex")}`;
}

let phoneSeq = Math.floor(Math.random() * 10_000);
/** A valid US number (libphonenumber accepts it) in E.164, different on every call in a file. */
export function uniquePhone(): string {
  phoneSeq = (phoneSeq + 1) % 10_000;
  return `+1415555${String(phoneSeq).padStart(4, "0")}`;
}

export function createSalon(overrides: Partial<Prisma.SalonUncheckedCreateInput> = {}) {
  const suffix = uniqueSuffix();
  return db.salon.create({
    data: { name: `Salon ${suffix}`, slug: `salon-${suffix}`, timeZone: "America/New_York", ...overrides },
  });
}

// argon2 is deliberately slow; tests reuse one hash per distinct password.
const hashes = new Map<string, Promise<string>>();
function hashOnce(password: string): Promise<string> {
  let hashed = hashes.get(password);
  if (!hashed) {
    hashed = hash(password); // argon2id, as lib/auth/password.ts stores them
    hashes.set(password, hashed);
  }
  return hashed;
}

export type TestUser = User & { password: string; role: Role; salonId: string };

/** A user with a membership in `salonId`; the plain password is returned for sign-in tests. */
export async function createUser(opts: {
  salonId: string;
  role?: Role;
  email?: string;
  password?: string;
  name?: string;
}): Promise<TestUser> {
  const password = opts.password ?? "correct horse battery staple";
  const role = opts.role ?? "STAFF";
  const passwordHash = await hashOnce(password);
  const user = await db.user.create({
    data: {
      email: opts.email ?? `user-${uniqueSuffix()}@example.test`,
      name: opts.name ?? "Test User",
      passwordHash,
      memberships: { create: { salonId: opts.salonId, role } },
    },
  });
  return { ...user, password, role, salonId: opts.salonId };
}

export function createCustomer(
  salonId: string,
  overrides: Overrides<Prisma.CustomerUncheckedCreateInput> = {},
) {
  return db.customer.create({
    data: { salonId, phone: uniquePhone(), name: `Customer ${uniqueSuffix()}`, ...overrides },
  });
}

export function createEmployee(
  salonId: string,
  overrides: Overrides<Prisma.EmployeeUncheckedCreateInput> = {},
) {
  return db.employee.create({
    data: { salonId, name: `Stylist ${uniqueSuffix()}`, phone: uniquePhone(), ...overrides },
  });
}

export function createService(
  salonId: string,
  overrides: Overrides<Prisma.ServiceUncheckedCreateInput> = {},
) {
  return db.service.create({
    data: { salonId, name: `Service ${uniqueSuffix()}`, durationMinutes: 45, priceCents: 5500, ...overrides },
  });
}

/** Tomorrow at 10:00 UTC for an hour, with a fresh customer unless one is given. */
export async function createAppointment(
  salonId: string,
  overrides: Overrides<Prisma.AppointmentUncheckedCreateInput> = {},
) {
  const customerId = overrides.customerId ?? (await createCustomer(salonId)).id;
  const startsAt = overrides.startsAt ? new Date(overrides.startsAt) : tomorrowAt(10);
  const endsAt = overrides.endsAt ?? new Date(startsAt.getTime() + 60 * 60_000);
  return db.appointment.create({ data: { salonId, ...overrides, customerId, startsAt, endsAt } });
}

/** A call as the webhooks would have stored it: its outcome is always callOutcomeOf's. */
export function createCallLog(
  salonId: string,
  overrides: Overrides<Omit<Prisma.CallLogUncheckedCreateInput, "outcome">> = {},
) {
  return db.callLog.create({
    data: withOutcome({
      salonId,
      callSid: `CA${randomBytes(16).toString("hex")}`,
      from: uniquePhone(),
      to: "+14155550100",
      ...overrides,
    }),
  });
}

export function createNotification(
  salonId: string,
  overrides: Overrides<Prisma.NotificationUncheckedCreateInput> = {},
) {
  return db.notification.create({
    data: {
      salonId,
      recipientKind: "CUSTOMER",
      destination: uniquePhone(),
      body: "See you tomorrow!",
      kind: "CUSTOM",
      ...overrides,
    },
  });
}

/** A MessageSid as Twilio makes them: "SM" and 32 hex digits. */
export const newMessageSid = () => `SM${randomBytes(16).toString("hex")}`;

/**
 * A text from `customer`, stored as the webhook stores one (its keyword read from the body) but not
 * acted on: processedAt stays null, so tests of what the sweep does should make theirs through the webhook.
 */
export function createInboundMessage(
  salonId: string,
  customer: { id: string; phone: string },
  overrides: Overrides<Omit<Prisma.InboundMessageUncheckedCreateInput, "customerId">> = {},
) {
  const body = overrides.body ?? "Hi!";
  return db.inboundMessage.create({
    data: {
      salonId,
      customerId: customer.id,
      messageSid: newMessageSid(),
      from: customer.phone,
      to: "+14155550100",
      body,
      keyword: parseInboundKeyword(body),
      ...overrides,
    },
  });
}

function tomorrowAt(hourUtc: number): Date {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
}
