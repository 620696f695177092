// One stylist: owners edit details, services, hours and time off, or remove them; staff see it read-only.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ArrowLeftIcon } from "lucide-react";
import { EmployeeForm } from "@/components/staff/employee-form";
import { loadEmployeeFormContext } from "@/components/staff/employee-page-data";
import { RemoveRecordButton } from "@/components/staff/remove-record-button";
import { TimeOffCard } from "@/components/staff/time-off-card";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { ApiError } from "@/lib/api/errors";
import { OWNER_ONLY_MESSAGE } from "@/lib/api/salon-action";
import { requireSessionContext } from "@/lib/auth/session";
import { removeEmployeeAction } from "@/lib/employees/actions";
import { getEmployeeById } from "@/lib/employees/queries";
import { formatDate } from "@/lib/format";
import { formatPhone } from "@/lib/phone";

export const metadata: Metadata = { title: "Stylist" };

async function findEmployee(salonId: string, id: string) {
  try {
    return await getEmployeeById(salonId, id);
  } catch (err) {
    // Another salon's stylist, or a mistyped id, reads as not found — never as an error page.
    if (err instanceof ApiError && (err.status === 404 || err.status === 422)) notFound();
    throw err;
  }
}

export default async function StylistPage({ params }: { params: Promise<{ employeeId: string }> }) {
  const session = await requireSessionContext();
  const { employeeId } = await params;
  const [employee, context] = await Promise.all([findEmployee(session.salonId, employeeId), loadEmployeeFormContext(session.salonId)]);
  const isOwner = session.role === "OWNER";
  const now = new Date();
  // The last day off is the day before the time off ends (it ends at the next midnight).
  const timeOff = employee.timeOff
    .filter((t) => t.endsAt > now)
    .map((t) => {
      const first = formatDate(t.startsAt, context.timeZone);
      const last = formatDate(new Date(t.endsAt.getTime() - 1), context.timeZone);
      return { id: t.id, note: t.note, label: first === last ? first : `${first} – ${last}` };
    });

  return (
    <>
      <Button asChild variant="ghost" size="sm" className="-ml-2 w-fit">
        <Link href="/staff">
          <ArrowLeftIcon aria-hidden />
          Staff
        </Link>
      </Button>
      <PageHeader
        title={employee.name}
        description={employee.active ? "Active: can be booked." : "Inactive: not offered for new bookings."}
        actions={isOwner && <RemoveRecordButton id={employee.id} name={employee.name} action={removeEmployeeAction} listHref="/staff" />}
      />
      {!isOwner && <Notice tone="warning" title={OWNER_ONLY_MESSAGE}>Ask the owner to change a stylist&apos;s hours or services.</Notice>}
      <div className="grid max-w-3xl gap-6">
        <EmployeeForm
          key={employee.updatedAt.toISOString()}
          values={{
            id: employee.id,
            name: employee.name,
            phone: employee.phone ? formatPhone(employee.phone) : "",
            email: employee.email ?? "",
            active: employee.active,
            serviceIds: employee.serviceIds,
            workingHours: employee.workingHours,
          }}
          services={context.services}
          salonHours={context.salonHours}
          timeZoneLabel={context.timeZoneLabel}
          readOnly={!isOwner}
        />
        <TimeOffCard employeeId={employee.id} rows={timeOff} readOnly={!isOwner} />
      </div>
    </>
  );
}
