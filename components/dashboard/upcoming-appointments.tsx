import { format } from "date-fns";
import { CalendarDaysIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { UpcomingAppointment } from "@/lib/appointments/queries";
import { formatTime } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import { calendarDaysBetween, getZonedParts, inZone } from "@/lib/time/zoned";

type Props = { appointments: UpcomingAppointment[]; timeZone: string; now: Date };

/** "Today", "Tomorrow", else "Thursday, Nov 27" — calendar days in the salon's zone. */
function dayLabel(startsAt: Date, now: Date, timeZone: string): string {
  const days = calendarDaysBetween(getZonedParts(now, timeZone), getZonedParts(startsAt, timeZone));
  if (days <= 0) return "Today";
  if (days === 1) return "Tomorrow";
  return format(inZone(startsAt, timeZone), "EEEE, MMM d");
}

function groupByDay(appointments: UpcomingAppointment[], now: Date, timeZone: string) {
  const groups = new Map<string, UpcomingAppointment[]>();
  for (const appt of appointments) {
    const label = dayLabel(appt.startsAt, now, timeZone);
    groups.set(label, [...(groups.get(label) ?? []), appt]);
  }
  return [...groups.entries()];
}

function StatusBadge({ appt, now }: { appt: UpcomingAppointment; now: Date }) {
  if (appt.startsAt <= now) return <Badge variant="default">In the chair</Badge>;
  if (appt.rescheduleRequestedAt) return <Badge variant="warning">Wants to reschedule</Badge>;
  if (appt.status === "CONFIRMED") return <Badge variant="success">Confirmed</Badge>;
  return <Badge variant="secondary">Booked</Badge>;
}

export function UpcomingAppointments({ appointments, timeZone, now }: Props) {
  return (
    <Card>
      <CardHeader>
        <h2 className="leading-none font-semibold">Coming up</h2>
        <CardDescription>The next appointments, in your salon&apos;s time.</CardDescription>
      </CardHeader>
      <CardContent>
        {appointments.length === 0 ? (
          <EmptyState
            icon={CalendarDaysIcon}
            title="No appointments coming up"
            description="When clients book, their appointments show here and Bolt sends their reminders."
          />
        ) : (
          <div className="grid grid-cols-1 gap-5">
            {groupByDay(appointments, now, timeZone).map(([label, items]) => (
              <section key={label} aria-label={label} className="grid grid-cols-1 gap-2">
                <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
                  {label}
                </h3>
                <ul className="divide-y rounded-lg border">
                  {items.map((appt) => (
                    <li key={appt.id} className="flex items-center gap-3 px-3 py-2.5 sm:gap-4">
                      <time
                        dateTime={appt.startsAt.toISOString()}
                        className="w-[4.5rem] shrink-0 text-sm font-medium tabular-nums sm:w-20"
                      >
                        {formatTime(appt.startsAt, timeZone)}
                      </time>
                      <div className="min-w-0 flex-1">
                        <p className="truncate text-sm font-medium">
                          {appt.customer.name ?? formatPhone(appt.customer.phone)}
                        </p>
                        <p className="text-xs text-muted-foreground sm:truncate">
                          {[appt.service?.name, appt.employee ? `with ${appt.employee.name}` : null]
                            .filter(Boolean)
                            .join(" · ") || "Appointment"}
                        </p>
                      </div>
                      <StatusBadge appt={appt} now={now} />
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
