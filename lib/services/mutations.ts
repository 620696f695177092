// Adding, changing and removing services in one salon-scoped transaction each. The receptionist reads
// prices straight from this table on every call (no cache), so an edit is heard on the next call.
// A service that was ever booked is deactivated rather than deleted, so past appointments keep it.
import { conflict, notFound } from "@/lib/api/errors";
import { withSalonTransaction } from "@/lib/db";
import { fieldErrors } from "@/lib/employees/field-error";
import type { RemovalOutcome } from "@/lib/employees/mutations";
import { Prisma } from "@/lib/generated/prisma/client";
import { serviceSelect, toServiceJson, type ServiceJson } from "@/lib/services/queries";
import type { CreateServiceInput, UpdateServiceInput } from "@/lib/validations/services";

type Tx = Prisma.TransactionClient;

async function employeesOfSalon(tx: Tx, salonId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await tx.employee.count({ where: { salonId, id: { in: unique } } });
  if (found !== unique.length) throw fieldErrors([{ path: ["employeeIds"], message: "Choose employees from this salon's staff." }]);
  return unique;
}

const nameTaken = (name: string) => conflict("service_name_taken", `There is already a service called “${name}”.`);

/** Names are unique per salon (the receptionist reads them out); a clash is a clear 409, not a 500. */
async function checkNameFree(tx: Tx, salonId: string, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.service.findFirst({
    where: { salonId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw nameTaken(name);
}

/** Two owners saving the same name at once: the check above passes for both, the unique index stops one. */
async function orNameTaken<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (name && err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw nameTaken(name);
    throw err;
  }
}

async function setEmployees(tx: Tx, salonId: string, serviceId: string, employeeIds: string[]): Promise<void> {
  const ids = await employeesOfSalon(tx, salonId, employeeIds);
  await tx.employeeService.deleteMany({ where: { salonId, serviceId } });
  await tx.employeeService.createMany({ data: ids.map((employeeId) => ({ salonId, employeeId, serviceId })) });
}

export async function createService(salonId: string, input: CreateServiceInput): Promise<ServiceJson> {
  return orNameTaken(input.name, () => withSalonTransaction(salonId, async (tx) => {
    const { employeeIds, ...fields } = input;
    await checkNameFree(tx, salonId, fields.name);
    const { id } = await tx.service.create({ data: { salonId, ...fields }, select: { id: true } });
    await setEmployees(tx, salonId, id, employeeIds ?? []);
    return toServiceJson(await tx.service.findFirstOrThrow({ where: { salonId, id }, select: serviceSelect }));
  }));
}

export async function updateService(salonId: string, id: string, input: UpdateServiceInput): Promise<ServiceJson> {
  return orNameTaken(input.name, () => withSalonTransaction(salonId, async (tx) => {
    const { employeeIds, ...fields } = input;
    if (fields.name) await checkNameFree(tx, salonId, fields.name, id);
    const { count } = await tx.service.updateMany({ where: { salonId, id }, data: fields });
    if (count === 0) throw notFound("Service");
    if (employeeIds) await setEmployees(tx, salonId, id, employeeIds);
    return toServiceJson(await tx.service.findFirstOrThrow({ where: { salonId, id }, select: serviceSelect }));
  }));
}

/** Deleted when never booked; otherwise deactivated (no new bookings, the receptionist stops offering it). */
export async function removeService(salonId: string, id: string): Promise<RemovalOutcome> {
  return withSalonTransaction(salonId, async (tx) => {
    // Locked, so a booking racing the delete either lands first (and we deactivate) or waits.
    const [row] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "services" WHERE "salonId" = ${salonId} AND "id" = ${id} FOR UPDATE`;
    if (!row) throw notFound("Service");
    if (await tx.appointment.count({ where: { salonId, serviceId: id } })) {
      await tx.service.updateMany({ where: { salonId, id }, data: { active: false } });
      return { id, outcome: "deactivated" };
    }
    await tx.service.deleteMany({ where: { salonId, id } });
    return { id, outcome: "deleted" };
  });
}
