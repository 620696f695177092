// Adding, changing and removing employees, each in one salon-scoped transaction. Their hours must sit
// inside the salon's (the form says why not), their services must be this salon's, and an employee
// with appointments is deactivated rather than deleted, so the salon's history keeps its names.
import { notFound } from "@/lib/api/errors";
import { withSalonTransaction } from "@/lib/db";
import { employeeSelect, toEmployeeJson, workingHoursOf, type EmployeeJson } from "@/lib/employees/employee-json";
import { fieldErrors } from "@/lib/employees/field-error";
import { hoursOutsideSalon } from "@/lib/employees/working-hours";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BusinessHours } from "@/lib/salons/business-hours";
import type { CreateEmployeeInput, TimeOffInput, UpdateEmployeeInput } from "@/lib/validations/employees";

type Tx = Prisma.TransactionClient;
export type RemovalOutcome = { id: string; outcome: "deleted" | "deactivated" };

async function salonHoursOf(tx: Tx, salonId: string): Promise<BusinessHours> {
  const salon = await tx.salon.findFirst({ where: { id: salonId }, select: { businessHours: true } });
  if (!salon) throw notFound("Salon");
  return workingHoursOf(salon.businessHours);
}

function checkInsideSalon(hours: BusinessHours, salonHours: BusinessHours): void {
  const problems = Object.entries(hoursOutsideSalon(hours, salonHours));
  if (problems.length) throw fieldErrors(problems.map(([day, message]) => ({ path: ["workingHours", day], message })));
}

/** The ids, once each, after checking every one is a service of this salon. */
async function servicesOfSalon(tx: Tx, salonId: string, ids: string[], field = "serviceIds"): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await tx.service.count({ where: { salonId, id: { in: unique } } });
  if (found !== unique.length) throw fieldErrors([{ path: [field], message: "Choose services from this salon's list." }]);
  return unique;
}

const timeOffRows = (salonId: string, employeeId: string, timeOff: TimeOffInput[]) =>
  timeOff.map((t) => ({ salonId, employeeId, startsAt: t.startsAt, endsAt: t.endsAt, note: t.note ?? null }));

export async function createEmployee(salonId: string, input: CreateEmployeeInput): Promise<EmployeeJson> {
  return withSalonTransaction(salonId, async (tx) => {
    const salonHours = await salonHoursOf(tx, salonId);
    // A new stylist works the salon's hours until the owner says otherwise.
    const workingHours = input.workingHours ?? salonHours;
    checkInsideSalon(workingHours, salonHours);
    const serviceIds = await servicesOfSalon(tx, salonId, input.serviceIds ?? []);
    const { id } = await tx.employee.create({
      data: { salonId, name: input.name, phone: input.phone ?? null, email: input.email ?? null, active: input.active ?? true, workingHours },
      select: { id: true },
    });
    await tx.employeeService.createMany({ data: serviceIds.map((serviceId) => ({ salonId, employeeId: id, serviceId })) });
    await tx.employeeTimeOff.createMany({ data: timeOffRows(salonId, id, input.timeOff ?? []) });
    return toEmployeeJson(await tx.employee.findFirstOrThrow({ where: { salonId, id }, select: employeeSelect }));
  });
}

export async function updateEmployee(salonId: string, id: string, input: UpdateEmployeeInput): Promise<EmployeeJson> {
  return withSalonTransaction(salonId, async (tx) => {
    const { serviceIds, timeOff, ...fields } = input;
    if (fields.workingHours) checkInsideSalon(fields.workingHours, await salonHoursOf(tx, salonId));
    const { count } = await tx.employee.updateMany({ where: { salonId, id }, data: fields });
    if (count === 0) throw notFound("Employee");
    if (serviceIds) {
      const ids = await servicesOfSalon(tx, salonId, serviceIds);
      await tx.employeeService.deleteMany({ where: { salonId, employeeId: id } });
      await tx.employeeService.createMany({ data: ids.map((serviceId) => ({ salonId, employeeId: id, serviceId })) });
    }
    if (timeOff) {
      await tx.employeeTimeOff.deleteMany({ where: { salonId, employeeId: id } });
      await tx.employeeTimeOff.createMany({ data: timeOffRows(salonId, id, timeOff) });
    }
    return toEmployeeJson(await tx.employee.findFirstOrThrow({ where: { salonId, id }, select: employeeSelect }));
  });
}

/** Deleted when nothing was ever booked with them; otherwise deactivated (no new bookings, history kept). */
export async function removeEmployee(salonId: string, id: string): Promise<RemovalOutcome> {
  return withSalonTransaction(salonId, async (tx) => {
    // Locked, so a booking racing the delete either lands first (and we deactivate) or waits and fails.
    const [row] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "employees" WHERE "salonId" = ${salonId} AND "id" = ${id} FOR UPDATE`;
    if (!row) throw notFound("Employee");
    if (await tx.appointment.count({ where: { salonId, employeeId: id } })) {
      await tx.employee.updateMany({ where: { salonId, id }, data: { active: false } });
      return { id, outcome: "deactivated" };
    }
    await tx.employee.deleteMany({ where: { salonId, id } });
    return { id, outcome: "deleted" };
  });
}

export async function addTimeOff(salonId: string, employeeId: string, timeOff: TimeOffInput): Promise<void> {
  await withSalonTransaction(salonId, async (tx) => {
    if (!(await tx.employee.count({ where: { salonId, id: employeeId } }))) throw notFound("Employee");
    await tx.employeeTimeOff.createMany({ data: timeOffRows(salonId, employeeId, [timeOff]) });
  });
}

export async function removeTimeOff(salonId: string, employeeId: string, id: string): Promise<void> {
  await withSalonTransaction(salonId, async (tx) => {
    const { count } = await tx.employeeTimeOff.deleteMany({ where: { salonId, employeeId, id } });
    if (count === 0) throw notFound("Time off");
  });
}
