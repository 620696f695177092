// A customer's appointments from now on, soonest first.
import { APPOINTMENT_STATUS_LABELS } from "@/components/customers/customer-timeline";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CustomerDetail } from "@/lib/customers/get-customer";
import { formatDateTime } from "@/lib/format";

export function UpcomingAppointments({ appointments, timeZone }: { appointments: CustomerDetail["upcoming"]; timeZone: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Coming up</CardTitle>
      </CardHeader>
      <CardContent>
        {appointments.length === 0 ? (
          <p className="text-sm text-muted-foreground">No appointments booked.</p>
        ) : (
          <ul className="grid gap-2 text-sm">
            {appointments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-2">
                <span className="font-medium tabular-nums">{formatDateTime(a.at, timeZone)}</span>
                <span>{a.service ?? "Appointment"}{a.employee ? ` with ${a.employee}` : ""}</span>
                <Badge variant="secondary">{APPOINTMENT_STATUS_LABELS[a.status]}</Badge>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
