// One employee as the API and the Staff page show it: hours parsed, services as ids, time off in order.
import { businessHoursSchema, parseBusinessHours, type BusinessHours } from "@/lib/salons/business-hours";

export const employeeSelect = {
  id: true,
  name: true,
  phone: true,
  email: true,
  active: true,
  workingHours: true,
  createdAt: true,
  updatedAt: true,
  services: { select: { serviceId: true }, orderBy: { serviceId: "asc" } },
  timeOff: { select: { id: true, startsAt: true, endsAt: true, note: true }, orderBy: { startsAt: "asc" } },
} as const;

type Row = {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  active: boolean;
  workingHours: unknown;
  createdAt: Date;
  updatedAt: Date;
  services: Array<{ serviceId: string }>;
  timeOff: Array<{ id: string; startsAt: Date; endsAt: Date; note: string | null }>;
};

export type EmployeeJson = Omit<Row, "services" | "workingHours"> & { workingHours: BusinessHours; serviceIds: string[] };

const CLOSED_WEEK: BusinessHours = businessHoursSchema.parse({});

/** Stored hours that no longer validate read as "not working", never as a guess. */
export const workingHoursOf = (value: unknown): BusinessHours => parseBusinessHours(value) ?? CLOSED_WEEK;

export function toEmployeeJson({ services, workingHours, ...row }: Row): EmployeeJson {
  return { ...row, workingHours: workingHoursOf(workingHours), serviceIds: services.map((s) => s.serviceId) };
}
