// Add a service (owners only).
import type { Metadata } from "next";
import { ServiceForm } from "@/components/services/service-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionContext } from "@/lib/auth/session";
import { listAllEmployees } from "@/lib/employees/queries";
import { listAllServices } from "@/lib/services/queries";

export const metadata: Metadata = { title: "Add service" };

export default async function NewServicePage() {
  const session = await requireSessionContext({ roles: ["OWNER"] });
  const [employees, services] = await Promise.all([listAllEmployees(session.salonId), listAllServices(session.salonId)]);
  const categories = [...new Set(services.flatMap((s) => (s.category ? [s.category] : [])))];
  return (
    <>
      <PageHeader title="Add service" description="Its length sets how long bookings take; callers hear its price." />
      <div className="grid max-w-3xl gap-6">
        <ServiceForm
          values={{ name: "", category: "", durationMinutes: "", price: "", active: true, employeeIds: [] }}
          employees={employees.map(({ id, name, active }) => ({ id, name, active }))}
          categories={categories}
        />
      </div>
    </>
  );
}
