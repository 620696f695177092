// The coming week, one section per day in the salon's zone; each appointment with where its texts
// are and buttons to send a confirmation or reminder now.
import Link from "@/components/ui/link";
import { format } from "date-fns";
import { BellIcon, CalendarCheckIcon, TriangleAlertIcon } from "lucide-react";
import { AppointmentManageButton, type BookingContext } from "@/components/appointments/appointment-dialog";
import { RescheduleBadge, StatusBadge } from "@/components/appointments/appointment-status";
import { SendAppointmentTextButton } from "@/components/appointments/send-appointment-text-button";
import { describeTextState } from "@/components/appointments/reminder-state";
import { LiveRefresh } from "@/components/live/live-refresh";
import type { ComingAppointment } from "@/lib/appointments/list-coming-appointments";
import { formatRelative, formatTime } from "@/lib/format";
import type { SalonQuietHours } from "@/lib/messaging/quiet-hours";
import { formatPhone } from "@/lib/phone";
import { calendarDaysBetween, getZonedParts, inZone } from "@/lib/time/zoned";
import { cn } from "@/lib/utils";

/** The salon's zone and quiet hours: a reminder shows when it will really go out; `booking` adds "Manage". */
type Props = { appointments: ComingAppointment[]; salon: SalonQuietHours; now: Date; booking?: BookingContext };

function dayHeading(at: Date, now: Date, timeZone: string): string {
  const days = calendarDaysBetween(getZonedParts(now, timeZone), getZonedParts(at, timeZone));
  const date = format(inZone(at, timeZone), "EEEE, MMM d");
  if (days === 0) return `Today · ${date}`;
  if (days === -1) return `Yesterday · ${date}`;
  if (days === 1) return `Tomorrow · ${date}`;
  return date;
}

/** The customer texted R: staff must find them a new time, so the row says so and links to the texts. */
function RescheduleRequest({
  appt,
  now,
  timeZone,
}: {
  appt: ComingAppointment;
  now: Date;
  timeZone: string;
}) {
  if (!appt.rescheduleRequestedAt || appt.status === "CANCELLED") return null;
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
      <RescheduleBadge />
      <span className="text-muted-foreground">
        Texted R {formatRelative(appt.rescheduleRequestedAt, now, timeZone)} ·{" "}
        <Link
          href={`/messages/${appt.customer.id}`}
          className="font-medium text-foreground underline-offset-4 hover:underline"
        >
          Open their texts
        </Link>
      </span>
    </p>
  );
}

function AppointmentRow({
  appt,
  salon,
  now,
  booking,
}: {
  appt: ComingAppointment;
  salon: SalonQuietHours;
  now: Date;
  booking?: BookingContext;
}) {
  const { timeZone } = salon;
  const name = appt.customer.name ?? formatPhone(appt.customer.phone);
  const texts = describeTextState(appt, now, salon);
  const live = (appt.status === "BOOKED" || appt.status === "CONFIRMED") && appt.startsAt > now;
  const optedOut = appt.customer.smsConsent === "OPTED_OUT";
  const what =
    [appt.service?.name, appt.employee ? `with ${appt.employee.name}` : null].filter(Boolean).join(" · ") ||
    "Appointment";

  return (
    <li
      data-appointment-id={appt.id}
      className={cn(
        "grid gap-3 px-4 py-3 sm:grid-cols-[6rem_minmax(0,1fr)_auto]",
        appt.status === "CANCELLED" && "text-muted-foreground",
      )}
    >
      <div className="flex items-baseline gap-1.5 sm:grid sm:gap-0">
        <time dateTime={appt.startsAt.toISOString()} className="text-sm font-semibold tabular-nums">
          {formatTime(appt.startsAt, timeZone)}
        </time>
        <span className="text-xs text-muted-foreground tabular-nums">
          to {formatTime(appt.endsAt, timeZone)}
        </span>
      </div>
      <div className="grid min-w-0 gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{name}</span>
          <StatusBadge appt={appt} now={now} />
        </div>
        <p className="text-sm text-muted-foreground">
          {what}
          {appt.customer.name && (
            <span className="whitespace-nowrap tabular-nums"> · {formatPhone(appt.customer.phone)}</span>
          )}
        </p>
        <RescheduleRequest appt={appt} now={now} timeZone={timeZone} />
        <p
          className={cn(
            "flex flex-wrap items-center gap-x-3 gap-y-1 text-xs",
            texts.hasFailure ? "text-destructive" : "text-muted-foreground",
          )}
        >
          <span className="flex items-center gap-1.5">
            {texts.hasFailure ? (
              <TriangleAlertIcon className="size-3.5" aria-hidden />
            ) : (
              <BellIcon className="size-3.5" aria-hidden />
            )}
            {texts.reminders}
          </span>
          {texts.confirmation && (
            <span className="flex items-center gap-1.5">
              <CalendarCheckIcon className="size-3.5" aria-hidden />
              {texts.confirmation}
            </span>
          )}
        </p>
      </div>
      <div className="flex flex-wrap items-start gap-2 sm:justify-end">
        {live && !optedOut && (
          <>
            <SendAppointmentTextButton appointmentId={appt.id} kind="confirmation" customerName={name} />
            <SendAppointmentTextButton appointmentId={appt.id} kind="reminder" customerName={name} />
          </>
        )}
        {live && optedOut && <p className="text-xs text-muted-foreground">Opted out of texts</p>}
        {booking && <AppointmentManageButton appointment={appt} booking={booking} />}
      </div>
    </li>
  );
}

export function AppointmentDayList({ appointments, salon, now, booking }: Props) {
  const { timeZone } = salon;
  const days = new Map<string, ComingAppointment[]>();
  for (const appt of appointments) {
    const heading = dayHeading(appt.startsAt, now, timeZone);
    days.set(heading, [...(days.get(heading) ?? []), appt]);
  }
  // After "Send reminder" the row follows its text (sending → sent → delivered) without a reload: while one
  // is on its way, each status change of the salon's texts re-reads the list.
  const inFlight = appointments.some((appt) => describeTextState(appt, now, salon).inFlight);
  return (
    <div className="grid gap-6">
      {inFlight && <LiveRefresh topics={["notifications"]} catchUp />}
      {[...days.entries()].map(([heading, items]) => (
        <section key={heading} aria-labelledby={`day-${items[0]?.id}`} className="grid gap-2">
          <h2 id={`day-${items[0]?.id}`} className="flex items-baseline gap-2 text-sm font-semibold">
            {heading}
            <span className="text-xs font-normal text-muted-foreground">
              {items.length} appointment{items.length === 1 ? "" : "s"}
            </span>
          </h2>
          <ul className="divide-y rounded-xl border bg-card shadow-xs">
            {items.map((appt) => (
              <AppointmentRow key={appt.id} appt={appt} salon={salon} now={now} booking={booking} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
