// Add a stylist (owners only): details, services, working hours; time off once saved.
import type { Metadata } from "next";
import { EmployeeForm } from "@/components/staff/employee-form";
import { loadEmployeeFormContext } from "@/components/staff/employee-page-data";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionContext } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Add stylist" };

export default async function NewStylistPage() {
  const session = await requireSessionContext({ roles: ["OWNER"] });
  const { services, salonHours, timeZoneLabel } = await loadEmployeeFormContext(session.salonId);
  return (
    <>
      <PageHeader title="Add stylist" description="They start with the salon's opening hours; change them to their own." />
      <div className="grid max-w-3xl gap-6">
        <EmployeeForm
          values={{ name: "", phone: "", email: "", active: true, serviceIds: [], workingHours: salonHours }}
          services={services}
          salonHours={salonHours}
          timeZoneLabel={timeZoneLabel}
        />
      </div>
    </>
  );
}
