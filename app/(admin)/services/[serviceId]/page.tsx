// One service: owners edit or remove it; staff see it read-only.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ArrowLeftIcon } from "lucide-react";
import { ServiceForm } from "@/components/services/service-form";
import { RemoveRecordButton } from "@/components/staff/remove-record-button";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { ApiError } from "@/lib/api/errors";
import { OWNER_ONLY_MESSAGE } from "@/lib/api/salon-action";
import { requireSessionContext } from "@/lib/auth/session";
import { listAllEmployees } from "@/lib/employees/queries";
import { removeServiceAction } from "@/lib/services/actions";
import { getServiceById, listAllServices } from "@/lib/services/queries";

export const metadata: Metadata = { title: "Service" };

async function findService(salonId: string, id: string) {
  try {
    return await getServiceById(salonId, id);
  } catch (err) {
    // Another salon's service, or a mistyped id, reads as not found — never as an error page.
    if (err instanceof ApiError && err.status === 404) notFound();
    throw err;
  }
}

export default async function ServicePage({ params }: { params: Promise<{ serviceId: string }> }) {
  const session = await requireSessionContext();
  const { serviceId } = await params;
  const [service, employees, services] = await Promise.all([
    findService(session.salonId, serviceId),
    listAllEmployees(session.salonId),
    listAllServices(session.salonId),
  ]);
  const isOwner = session.role === "OWNER";
  const categories = [...new Set(services.flatMap((s) => (s.category ? [s.category] : [])))];

  return (
    <>
      <Button asChild variant="ghost" size="sm" className="-ml-2 w-fit">
        <Link href="/services">
          <ArrowLeftIcon aria-hidden />
          Services
        </Link>
      </Button>
      <PageHeader
        title={service.name}
        description={service.active ? "Offered to callers and bookable." : "Inactive: not offered or bookable."}
        actions={isOwner && <RemoveRecordButton id={service.id} name={service.name} action={removeServiceAction} listHref="/services" />}
      />
      {!isOwner && <Notice tone="warning" title={OWNER_ONLY_MESSAGE}>Ask the owner to change a service or its price.</Notice>}
      <div className="grid max-w-3xl gap-6">
        <ServiceForm
          key={service.updatedAt.toISOString()}
          values={{
            id: service.id,
            name: service.name,
            category: service.category ?? "",
            durationMinutes: String(service.durationMinutes),
            price: (service.priceCents / 100).toFixed(2),
            active: service.active,
            employeeIds: service.employeeIds,
          }}
          employees={employees.map(({ id, name, active }) => ({ id, name, active }))}
          categories={categories}
          readOnly={!isOwner}
        />
      </div>
    </>
  );
}
