// Services: what the salon offers, by category, with length, price and who performs each. Owners add
// and edit; staff see the list.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { PlusIcon, ScissorsIcon } from "lucide-react";
import { ServiceList } from "@/components/services/service-list";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionContext } from "@/lib/auth/session";
import { listAllEmployees } from "@/lib/employees/queries";
import { listAllServices } from "@/lib/services/queries";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage() {
  const session = await requireSessionContext();
  const [services, employees] = await Promise.all([listAllServices(session.salonId), listAllEmployees(session.salonId)]);
  const add = session.role === "OWNER" && (
    <Button asChild>
      <Link href="/services/new">
        <PlusIcon aria-hidden />
        Add service
      </Link>
    </Button>
  );

  return (
    <>
      <PageHeader title="Services" description="What you offer. The receptionist quotes these prices to callers." actions={add} />
      {services.length === 0 ? (
        <EmptyState
          icon={ScissorsIcon}
          title="No services yet"
          description="Add your services with their length and price; callers hear the prices, and bookings take the length."
          action={add}
        />
      ) : (
        <ServiceList services={services} employeeNames={new Map(employees.map((e) => [e.id, e.name]))} />
      )}
    </>
  );
}
