// The Staff list: each stylist with their week, services and state; a row opens their page.
import Link from "@/components/ui/link";
import { ChevronRightIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { EmployeeJson } from "@/lib/employees/employee-json";
import { describeWorkingWeek } from "@/lib/employees/working-hours";
import { formatPhone } from "@/lib/phone";

export function StaffList({ employees, serviceNames }: { employees: EmployeeJson[]; serviceNames: Map<string, string> }) {
  return (
    <ul className="divide-y rounded-xl border bg-card" aria-label="Stylists">
      {employees.map((e) => {
        const services = e.serviceIds.map((id) => serviceNames.get(id)).filter(Boolean);
        return (
          <li key={e.id}>
            <Link
              href={`/staff/${e.id}`}
              className="flex items-center gap-4 px-4 py-3.5 hover:bg-muted/50 focus-visible:bg-muted/50 focus-visible:outline-none"
            >
              <div className="grid min-w-0 flex-1 gap-1">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {e.name}
                  {!e.active && <Badge variant="secondary">Inactive</Badge>}
                </p>
                <p className="text-sm text-muted-foreground">{describeWorkingWeek(e.workingHours)}</p>
                <p className="truncate text-sm text-muted-foreground">
                  {services.length ? services.join(", ") : "No services yet"}
                  {e.phone && <> · {formatPhone(e.phone)}</>}
                </p>
              </div>
              <ChevronRightIcon className="size-4 shrink-0 text-muted-foreground" aria-hidden />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
