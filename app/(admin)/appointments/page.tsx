// Appointments: the coming seven days in the salon's time zone, with each booking's reminder state and
// buttons to send a confirmation or reminder now.
import type { Metadata } from "next";
import { CalendarDaysIcon } from "lucide-react";
import { AppointmentDayList } from "@/components/appointments/appointment-day-list";
import { describeTimeZone } from "@/components/settings/time-zones";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { listComingAppointments } from "@/lib/appointments/list-coming-appointments";
import { requireSessionContext } from "@/lib/auth/session";
import { getSalonById } from "@/lib/salons/queries";

export const metadata: Metadata = { title: "Appointments" };

const DAYS = 7;

export default async function AppointmentsPage() {
  const session = await requireSessionContext();
  const salon = await getSalonById(session.salonId);
  const now = new Date();
  const { appointments, truncated } = await listComingAppointments(session.salonId, {
    timeZone: salon.timeZone,
    now,
    days: DAYS,
  });

  return (
    <>
      <PageHeader
        title="Appointments"
        description={`Today and the next ${DAYS - 1} days, in ${describeTimeZone(salon.timeZone)}. Reminders go out automatically; send one by hand any time.`}
      />
      {truncated && (
        <Notice tone="info" title={`Showing the first ${appointments.length} appointments`}>
          The rest of the week is still booked as usual; its reminders go out on schedule.
        </Notice>
      )}
      {appointments.length === 0 ? (
        <EmptyState
          icon={CalendarDaysIcon}
          title="No appointments this week"
          description="When clients book, their appointments show here with their confirmation and reminder texts."
        />
      ) : (
        <AppointmentDayList appointments={appointments} salon={salon} now={now} />
      )}
    </>
  );
}
