// Staff: the salon's stylists with their hours and services. Owners add and edit; staff see the list.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { PlusIcon, UsersIcon } from "lucide-react";
import { StaffList } from "@/components/staff/staff-list";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionContext } from "@/lib/auth/session";
import { listAllEmployees } from "@/lib/employees/queries";
import { listAllServices } from "@/lib/services/queries";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  const session = await requireSessionContext();
  const [employees, services] = await Promise.all([listAllEmployees(session.salonId), listAllServices(session.salonId)]);
  const isOwner = session.role === "OWNER";
  const add = isOwner && (
    <Button asChild>
      <Link href="/staff/new">
        <PlusIcon aria-hidden />
        Add stylist
      </Link>
    </Button>
  );

  return (
    <>
      <PageHeader title="Staff" description="Who works when, and what each stylist does. Bookings follow these hours." actions={add} />
      {employees.length === 0 ? (
        <EmptyState
          icon={UsersIcon}
          title="No stylists yet"
          description="Add your stylists with their hours and services, so clients can be booked with them."
          action={add}
        />
      ) : (
        <StaffList employees={employees} serviceNames={new Map(services.map((s) => [s.id, s.name]))} />
      )}
    </>
  );
}
