// An appointment's status as staff read it: booked, confirmed, in the chair, wants to reschedule,
// cancelled, no-show, completed. Client-safe (the calendar's grid renders it in the browser).
import { CalendarClockIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { AppointmentStatus } from "@/lib/generated/prisma/enums";

type Appt = { status: AppointmentStatus; startsAt: Date; rescheduleRequestedAt: Date | null };

export function isLiveStatus(status: AppointmentStatus): boolean {
  return status === "BOOKED" || status === "CONFIRMED";
}

/** The customer texted R and hasn't been moved yet. */
export function wantsReschedule(appt: Appt): boolean {
  return appt.rescheduleRequestedAt !== null && isLiveStatus(appt.status);
}

export function StatusBadge({ appt, now }: { appt: Appt; now: Date }) {
  if (isLiveStatus(appt.status) && appt.startsAt <= now) return <Badge variant="default">In the chair</Badge>;
  switch (appt.status) {
    case "CONFIRMED":
      return <Badge variant="success">Confirmed</Badge>;
    case "BOOKED":
      return <Badge variant="secondary">Booked</Badge>;
    case "CANCELLED":
      return (
        <Badge variant="outline" className="border-dashed text-muted-foreground">
          Cancelled
        </Badge>
      );
    case "NO_SHOW":
      return <Badge variant="destructive">No-show</Badge>;
    case "COMPLETED":
      return <Badge variant="outline">Completed</Badge>;
  }
}

export function RescheduleBadge() {
  return (
    <Badge variant="warning">
      <CalendarClockIcon aria-hidden />
      Wants to reschedule
    </Badge>
  );
}
