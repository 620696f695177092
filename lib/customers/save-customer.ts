// Adding, editing and deleting a customer. A number belongs to one customer per salon (the unique
// (salonId, phone) index decides, so two people saving at once can't both take it): a duplicate is a 409
// naming whose number it is, with that customer's id for a link. Texting consent only ever turns off
// here; turning it back on is the customer's alone, by texting START (carriers' rule, and the law's).
import { ApiError, notFound } from "@/lib/api/errors";
import { salonDb, withSalonTransaction } from "@/lib/db";
import { Prisma, type Customer } from "@/lib/generated/prisma/client";
import { formatPhone } from "@/lib/phone";
import type { CreateCustomerInput, UpdateCustomerInput } from "@/lib/validations/customers";

export const customerSelect = {
  id: true,
  name: true,
  phone: true,
  email: true,
  notes: true,
  language: true,
  smsConsent: true,
  optedOutAt: true,
  isNew: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.CustomerSelect;

export type CustomerRecord = Prisma.CustomerGetPayload<{ select: typeof customerSelect }>;

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

/** 409 `customer_exists`: whose number it is (a merged record's number names the customer it was merged into). */
async function duplicatePhone(salonId: string, phone: string): Promise<ApiError> {
  const holder = await salonDb(salonId).customer.findFirst({
    where: { salonId, phone },
    select: { id: true, name: true, mergedInto: { select: { id: true, name: true } } },
  });
  const owner = holder?.mergedInto ?? holder;
  const who = owner?.name ? `${owner.name}'s` : "another customer's";
  return new ApiError({
    code: "customer_exists",
    status: 409,
    message: `${formatPhone(phone)} is already ${who} number.`,
    details: owner ? { customerId: owner.id } : undefined,
  });
}

export async function createCustomer(salonId: string, input: CreateCustomerInput): Promise<CustomerRecord> {
  try {
    return await salonDb(salonId).customer.create({
      data: {
        salonId,
        name: input.name,
        phone: input.phone,
        email: input.email ?? null,
        notes: input.notes ?? null,
        language: input.language ?? null,
      },
      select: customerSelect,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw await duplicatePhone(salonId, input.phone);
    throw err;
  }
}

const optInRefused = () =>
  new ApiError({
    code: "opt_in_by_customer_only",
    status: 409,
    message: "This customer texted STOP. Only they can turn texts back on, by texting START to the salon's number.",
  });

export async function updateCustomer(salonId: string, id: string, input: UpdateCustomerInput, now: Date): Promise<CustomerRecord> {
  try {
    return await withSalonTransaction(salonId, async (tx) => {
      const current = await tx.customer.findFirst({ where: { id, salonId, mergedIntoId: null }, select: { smsConsent: true } });
      if (!current) throw notFound("Customer");
      const { smsConsent, ...fields } = input;
      if (smsConsent === "OPTED_IN" && current.smsConsent === "OPTED_OUT") throw optInRefused();
      const optOut = smsConsent === "OPTED_OUT" && current.smsConsent === "OPTED_IN";
      return tx.customer.update({
        where: { id },
        data: { ...fields, ...(optOut ? { smsConsent: "OPTED_OUT", optedOutAt: now } : {}), ...(fields.name ? { isNew: false } : {}) },
        select: customerSelect,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err) && input.phone) throw await duplicatePhone(salonId, input.phone);
    throw err;
  }
}

/** A customer with no history may be deleted; anyone Bolt has booked, called or texted is kept (409). */
export async function deleteCustomer(salonId: string, id: string): Promise<void> {
  await withSalonTransaction(salonId, async (tx) => {
    // Locked, so a booking or text can't attach to the customer between the check and the delete.
    const [row] = await tx.$queryRaw<Pick<Customer, "id">[]>`
      SELECT "id" FROM "customers" WHERE "id" = ${id} AND "salonId" = ${salonId} AND "mergedIntoId" IS NULL FOR UPDATE`;
    if (!row) throw notFound("Customer");
    const where = { salonId, customerId: id };
    const [appointment, call, text, inbound] = await Promise.all([
      tx.appointment.findFirst({ where, select: { id: true } }),
      tx.callLog.findFirst({ where, select: { id: true } }),
      tx.notification.findFirst({ where, select: { id: true } }),
      tx.inboundMessage.findFirst({ where, select: { id: true } }),
    ]);
    if (appointment || call || text || inbound) {
      throw new ApiError({
        code: "customer_has_history",
        status: 409,
        message: "This customer has appointments, calls or texts, so they can't be deleted. Merge them into another record instead.",
      });
    }
    await tx.customer.delete({ where: { id } });
  });
}
