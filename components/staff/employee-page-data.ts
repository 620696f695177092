// What the stylist pages (new and edit) need beside the employee: the salon's hours and zone, and its services.
import { describeTimeZone } from "@/components/settings/time-zones";
import { workingHoursOf } from "@/lib/employees/employee-json";
import { getSalonById } from "@/lib/salons/queries";
import { listAllServices } from "@/lib/services/queries";

export async function loadEmployeeFormContext(salonId: string) {
  const [salon, services] = await Promise.all([getSalonById(salonId), listAllServices(salonId)]);
  return {
    timeZone: salon.timeZone,
    salonHours: workingHoursOf(salon.businessHours),
    timeZoneLabel: describeTimeZone(salon.timeZone),
    services: services.map(({ id, name, category, active }) => ({ id, name, category, active })),
  };
}
