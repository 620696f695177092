// The calendar: a day (stylists as columns) or a week (stylists by day) in the salon's time zone, or
// the list (what phones get). Book from a free slot, open a booking to move, cancel or close it.
import type { Metadata } from "next";
import { CalendarDaysIcon } from "lucide-react";
import { AppointmentDayList } from "@/components/appointments/appointment-day-list";
import { NewAppointmentButton } from "@/components/appointments/book-appointment-dialog";
import { CalendarGrid } from "@/components/appointments/calendar-grid";
import { LiveRefresh } from "@/components/live/live-refresh";
import { CalendarToolbar } from "@/components/appointments/calendar-toolbar";
import { WaitlistPanel } from "@/components/appointments/waitlist-panel";
import { describeTimeZone } from "@/components/settings/time-zones";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { calendarNavigation, dateParam, loadCalendar } from "@/lib/appointments/calendar";
import { requireSessionContext } from "@/lib/auth/session";
import { getSalonById } from "@/lib/salons/queries";
import { readSearchParams, toSearchParams, type RawSearchParams } from "@/lib/url-state";
import { calendarQuerySchema } from "@/lib/validations/appointments";
import { listWaitlist } from "@/lib/waitlist/list-waitlist";

export const metadata: Metadata = { title: "Calendar" };

export default async function CalendarPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const session = await requireSessionContext();
  const salon = await getSalonById(session.salonId);
  const raw = await searchParams;
  const { query } = readSearchParams(calendarQuerySchema, raw);
  const now = new Date();
  const [calendar, waitlist] = await Promise.all([
    loadCalendar(session.salonId, { timeZone: salon.timeZone, view: query.view, date: query.date, now }),
    listWaitlist(session.salonId, { limit: 20 }, now),
  ]);
  const nav = calendarNavigation(query.view, calendar.days);
  const booking = { timeZone: salon.timeZone, stylists: calendar.stylists, services: calendar.services, now };
  const { appointments } = calendar;
  const isToday = nav.days.some((d) => d.key === dateParam(calendar.today));

  const list =
    appointments.length === 0 ? (
      <EmptyState
        icon={CalendarDaysIcon}
        title={query.view === "day" ? "Nothing booked this day" : "Nothing booked these days"}
        description="Book with “New appointment”, or pick a free time on the calendar."
      />
    ) : (
      <AppointmentDayList appointments={appointments} salon={salon} now={now} booking={booking} />
    );

  return (
    <>
      <LiveRefresh topics={["appointments", "waitlist"]} />
      <PageHeader
        title="Calendar"
        description={`Appointments by stylist, in ${describeTimeZone(salon.timeZone)}. Reminders go out automatically and follow every move.`}
        actions={<NewAppointmentButton date={dateParam(calendar.anchor)} booking={booking} />}
      />
      <CalendarToolbar
        view={query.view}
        params={toSearchParams(raw)}
        title={nav.title}
        previous={nav.previous}
        next={nav.next}
        isToday={isToday}
      />
      {calendar.truncated && (
        <Notice tone="info" title={`Showing the first ${appointments.length} appointments`}>
          Pick a single day to see every booking.
        </Notice>
      )}
      {query.view === "list" ? (
        list
      ) : (
        <>
          {/* Phones get the list; the grid needs the width. */}
          <div className="md:hidden">{list}</div>
          <div className="hidden md:block">
            {calendar.columns.length === 0 ? (
              <EmptyState
                icon={CalendarDaysIcon}
                title="No stylists yet"
                description="Add your stylists and their hours under Staff; their columns show here."
              />
            ) : (
              <CalendarGrid
                view={query.view === "day" ? "day" : "week"}
                days={nav.days}
                columns={calendar.columns}
                appointments={appointments}
                booking={booking}
              />
            )}
          </div>
        </>
      )}
      <WaitlistPanel entries={waitlist.data} more={waitlist.nextCursor !== null} timeZone={salon.timeZone} now={now} />
    </>
  );
}
