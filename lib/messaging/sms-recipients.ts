// Who a text goes to (a customer, an employee or a bare number), resolved for a whole batch of texts
// with one read per kind of recipient: sendSms's fan-out (a morning of reminders) must not cost a
// round trip per text. The system client with salonId in every where: callers (API wrapper, server
// actions, jobs) have already established the salon.
import type { RecipientKind } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { isLanguage, type Language } from "@/lib/i18n/language";
import { ApiError, notFound } from "@/lib/api/errors";

export type SmsRecipient = { customerId: string } | { employeeId: string } | { phone: string };

export type ResolvedRecipient = {
  kind: RecipientKind;
  destination: string;
  customerId: string | null;
  employeeId: string | null;
  firstText: boolean;
  optedOut: boolean;
  /** A customer's remembered language (their opt-out line is worded in it); null otherwise. */
  language: Language | null;
};

type Target = { salonId: string; to: SmsRecipient };
type CustomerRow = { id: string; salonId: string; phone: string; firstTextedAt: Date | null; smsConsent: string; language: string | null };

const customerSelect = { id: true, salonId: true, phone: true, firstTextedAt: true, smsConsent: true, language: true } as const;
const key = (salonId: string, value: string) => `${salonId}\u0000${value}`;

/** Ids (or phones) of one kind of recipient, with the salons they must belong to. */
function wanted(targets: Target[], pick: (to: SmsRecipient) => string | undefined) {
  const values = new Set<string>();
  const salons = new Set<string>();
  for (const { salonId, to } of targets) {
    const value = pick(to);
    if (value === undefined) continue;
    values.add(value);
    salons.add(salonId);
  }
  return { values: [...values], salons: [...salons] };
}

async function loadRecipients(targets: Target[]) {
  const employees = wanted(targets, (to) => ("employeeId" in to ? to.employeeId : undefined));
  const byId = wanted(targets, (to) => ("customerId" in to ? to.customerId : undefined));
  const byPhone = wanted(targets, (to) => ("phone" in to ? to.phone : undefined));
  // Only the kinds the batch holds are read (a single text: one query, as before batching).
  const [employeeRows, customerRows, phoneRows] = await Promise.all([
    employees.values.length
      ? db.employee.findMany({
          where: { id: { in: employees.values }, salonId: { in: employees.salons } },
          select: { id: true, salonId: true, phone: true },
        })
      : [],
    byId.values.length
      ? db.customer.findMany({
          where: { id: { in: byId.values }, salonId: { in: byId.salons } },
          select: customerSelect,
        })
      : ([] as CustomerRow[]),
    byPhone.values.length
      ? db.customer.findMany({
          where: { phone: { in: byPhone.values }, salonId: { in: byPhone.salons } },
          select: { ...customerSelect, mergedInto: { select: customerSelect } },
        })
      : [],
  ]);
  return {
    employees: new Map(employeeRows.map((e) => [key(e.salonId, e.id), e])),
    customersById: new Map(customerRows.map((c) => [key(c.salonId, c.id), c])),
    // A number merged into another record texts as that customer, to the number given.
    customersByPhone: new Map(phoneRows.map((c) => [key(c.salonId, c.phone), c.mergedInto ? { ...c.mergedInto, phone: c.phone } : c])),
  };
}

function customerRecipient(customer: CustomerRow): ResolvedRecipient {
  return {
    kind: "CUSTOMER",
    destination: customer.phone,
    customerId: customer.id,
    employeeId: null,
    firstText: customer.firstTextedAt === null,
    optedOut: customer.smsConsent === "OPTED_OUT",
    language: isLanguage(customer.language) ? customer.language : null,
  };
}

/**
 * Each target's recipient, in input order. A customer or employee id unknown in that salon, or an
 * employee without a mobile number, throws for the whole batch (before anything is written); an
 * unknown bare number is sent to as is.
 */
export async function resolveRecipients(targets: Target[]): Promise<ResolvedRecipient[]> {
  const found = await loadRecipients(targets);
  return targets.map(({ salonId, to }): ResolvedRecipient => {
    if ("employeeId" in to) {
      const employee = found.employees.get(key(salonId, to.employeeId));
      if (!employee) throw notFound("Employee");
      if (!employee.phone) {
        throw new ApiError({ code: "no_phone", status: 422, message: "This employee has no mobile number on file." });
      }
      const base = { kind: "EMPLOYEE", destination: employee.phone, customerId: null } as const;
      return { ...base, employeeId: employee.id, firstText: false, optedOut: false, language: null };
    }
    if ("customerId" in to) {
      const customer = found.customersById.get(key(salonId, to.customerId));
      if (!customer) throw notFound("Customer");
      return customerRecipient(customer);
    }
    const customer = found.customersByPhone.get(key(salonId, to.phone));
    if (customer) return customerRecipient(customer);
    return { kind: "OTHER", destination: to.phone, customerId: null, employeeId: null, firstText: false, optedOut: false, language: null };
  });
}
