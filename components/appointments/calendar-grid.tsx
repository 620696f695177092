"use client";
// The calendar's grids. Day: one column per stylist, hours down the side, each booking a block at its
// time in the salon's zone; an empty hour is a button that books that stylist then. Week: stylists
// down the side, the seven days across, each day's bookings listed in the cell. A block opens the
// appointment's dialog (move, cancel, no-show, completed).
import { useState } from "react";
import { PlusIcon } from "lucide-react";
import { AppointmentDialogBody, type BookingContext, type DialogAppointment } from "@/components/appointments/appointment-dialog";
import { isLiveStatus, wantsReschedule } from "@/components/appointments/appointment-status";
import { BookAppointmentForm, type BookingPreset } from "@/components/appointments/book-appointment-dialog";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { formatTime } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import { getZonedParts, type LocalDate } from "@/lib/time/zoned";
import { cn } from "@/lib/utils";

type Column = { id: string | null; name: string };
type Props = {
  view: "day" | "week";
  days: Array<LocalDate & { key: string; label: string }>;
  columns: Column[];
  appointments: DialogAppointment[];
  booking: BookingContext;
};

const HOUR_PX = 56;
const STATUS_STYLE: Record<DialogAppointment["status"], string> = {
  BOOKED: "border-primary/40 bg-primary/10",
  CONFIRMED: "border-success/50 bg-success/12",
  CANCELLED: "border-dashed bg-muted/40 text-muted-foreground line-through decoration-muted-foreground/50",
  NO_SHOW: "border-destructive/40 bg-destructive/10",
  COMPLETED: "bg-muted text-muted-foreground",
};
const STATUS_WORD: Record<DialogAppointment["status"], string> = {
  BOOKED: "booked",
  CONFIRMED: "confirmed",
  CANCELLED: "cancelled",
  NO_SHOW: "no-show",
  COMPLETED: "completed",
};

function describe(a: DialogAppointment, timeZone: string): string {
  const who = a.customer.name ?? formatPhone(a.customer.phone);
  const status = wantsReschedule(a) ? "wants to reschedule" : STATUS_WORD[a.status];
  return `${formatTime(a.startsAt, timeZone)}–${formatTime(a.endsAt, timeZone)}, ${who}, ${a.service?.name ?? "appointment"}, ${status}`;
}

function Block({
  a,
  timeZone,
  onOpen,
  style,
  compact = false,
}: {
  a: DialogAppointment;
  timeZone: string;
  onOpen: () => void;
  style?: React.CSSProperties;
  /** A short booking on the day grid: one line (the service is in its label). */
  compact?: boolean;
}) {
  return (
    <button
      type="button"
      data-appointment-id={a.id}
      aria-label={describe(a, timeZone)}
      onClick={onOpen}
      style={style}
      className={cn(
        "overflow-hidden rounded-md border px-2 py-0.5 text-left text-xs leading-tight shadow-xs outline-none hover:brightness-95 focus-visible:ring-[3px] focus-visible:ring-ring/50",
        STATUS_STYLE[a.status],
        wantsReschedule(a) && "border-l-4 border-l-warning",
      )}
    >
      <span className="font-medium tabular-nums">{formatTime(a.startsAt, timeZone)}</span>{" "}
      <span className="font-medium">{a.customer.name ?? formatPhone(a.customer.phone)}</span>
      <span className={cn("block truncate", compact && "sr-only")}>
        {a.service?.name ?? "Appointment"}
        {wantsReschedule(a) ? " · wants to reschedule" : isLiveStatus(a.status) ? "" : ` · ${STATUS_WORD[a.status]}`}
      </span>
    </button>
  );
}

/** What both grids get: the columns, the bookings, and the two dialogs' openers. */
type GridProps = {
  columns: Column[];
  appointments: DialogAppointment[];
  booking: BookingContext;
  open: (a: DialogAppointment) => void;
  book: (p: BookingPreset) => void;
};

function DayGrid({ day, columns, appointments, booking, open, book }: GridProps & { day: Props["days"][number] }) {
  const tz = booking.timeZone;
  const minutes = appointments.flatMap((a) => [getZonedParts(a.startsAt, tz).minutesOfDay, getZonedParts(a.endsAt, tz).minutesOfDay || 1440]);
  const first = Math.min(8, ...minutes.map((m) => Math.floor(m / 60)));
  const last = Math.max(20, ...minutes.map((m) => Math.ceil(m / 60)));
  const hours = Array.from({ length: last - first }, (_, i) => first + i);
  const label = (h: number) => `${h % 12 === 0 ? 12 : h % 12} ${h < 12 ? "AM" : "PM"}`;
  return (
    <div tabIndex={0} role="region" aria-label="Day calendar" className="overflow-x-auto rounded-xl border bg-card shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
      <div className="grid min-w-fit" style={{ gridTemplateColumns: `4rem repeat(${columns.length}, minmax(9rem, 1fr))` }}>
        <div className="sticky left-0 z-10 border-b bg-card" />
        {columns.map((c) => (
          <div key={c.id ?? "none"} aria-hidden className="border-b border-l px-2 py-2 text-sm font-semibold">
            {c.name}
          </div>
        ))}
        <div className="sticky left-0 z-10 bg-card">
          {hours.map((h) => (
            <div key={h} style={{ height: HOUR_PX }} className="border-b pr-2 text-right text-xs text-muted-foreground tabular-nums">
              {label(h)}
            </div>
          ))}
        </div>
        {columns.map((c) => (
          <section key={c.id ?? "none"} aria-label={`${c.name}, ${day.label}`} className="relative border-l">
            {hours.map((h) => (
              <div key={h} style={{ height: HOUR_PX }} className="border-b">
                {c.id && (
                  <button
                    type="button"
                    aria-label={`Book ${c.name} at ${label(h)}`}
                    onClick={() => book({ date: day.key, employeeId: c.id, minutesOfDay: h * 60 })}
                    className="group flex size-full items-start justify-end p-1 outline-none hover:bg-muted/50 focus-visible:bg-muted/50"
                  >
                    <PlusIcon className="size-3.5 text-muted-foreground opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100" aria-hidden />
                  </button>
                )}
              </div>
            ))}
            {appointments
              .filter((a) => a.employeeId === c.id)
              .map((a) => {
                const start = getZonedParts(a.startsAt, tz).minutesOfDay;
                const length = Math.max(20, (a.endsAt.getTime() - a.startsAt.getTime()) / 60_000);
                return (
                  <Block
                    key={a.id}
                    a={a}
                    timeZone={tz}
                    onOpen={() => open(a)}
                    compact={length < 45}
                    style={{ position: "absolute", left: 4, right: 4, top: ((start - first * 60) / 60) * HOUR_PX, height: (length / 60) * HOUR_PX - 2 }}
                  />
                );
              })}
          </section>
        ))}
      </div>
    </div>
  );
}

function WeekGrid({ days, columns, appointments, booking, open, book }: GridProps & { days: Props["days"] }) {
  const tz = booking.timeZone;
  const keyOf = (at: Date) => {
    const p = getZonedParts(at, tz);
    return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
  };
  return (
    <div tabIndex={0} role="region" aria-label="Week calendar" className="overflow-x-auto rounded-xl border bg-card shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
      <table className="w-full min-w-[56rem] table-fixed border-collapse text-sm">
        <thead>
          <tr>
            <th scope="col" className="w-32 border-b px-2 py-2 text-left font-semibold">
              <span className="sr-only">Stylist</span>
            </th>
            {days.map((d) => (
              <th key={d.key} scope="col" className="border-b border-l px-2 py-2 text-left font-semibold">
                {d.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.id ?? "none"}>
              <th scope="row" className="border-b px-2 py-2 text-left align-top font-semibold">
                {c.name}
              </th>
              {days.map((d) => {
                const items = appointments.filter((a) => a.employeeId === c.id && keyOf(a.startsAt) === d.key);
                return (
                  <td key={d.key} className="border-b border-l p-1 align-top">
                    <div className="grid gap-1">
                      {items.map((a) => (
                        <Block key={a.id} a={a} timeZone={tz} onOpen={() => open(a)} />
                      ))}
                      {c.id && (
                        <button
                          type="button"
                          aria-label={`Book ${c.name} on ${d.label}`}
                          onClick={() => book({ date: d.key, employeeId: c.id })}
                          className="flex h-6 items-center justify-center rounded-md text-muted-foreground outline-none hover:bg-muted/60 focus-visible:ring-[3px] focus-visible:ring-ring/50"
                        >
                          <PlusIcon className="size-3.5" aria-hidden />
                        </button>
                      )}
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CalendarGrid({ view, days, columns, appointments, booking }: Props) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [preset, setPreset] = useState<BookingPreset | null>(null);
  const selected = appointments.find((a) => a.id === selectedId) ?? null;
  const shared = { columns, appointments, booking, open: (a: DialogAppointment) => setSelectedId(a.id), book: setPreset };
  return (
    <>
      {view === "day" ? <DayGrid day={days[0]!} {...shared} /> : <WeekGrid days={days} {...shared} />}
      <Dialog open={selected !== null} onOpenChange={(o) => !o && setSelectedId(null)}>
        <DialogContent>{selected && <AppointmentDialogBody appt={selected} booking={booking} onDone={() => setSelectedId(null)} />}</DialogContent>
      </Dialog>
      <Dialog open={preset !== null} onOpenChange={(o) => !o && setPreset(null)}>
        <DialogContent className="sm:max-w-2xl">
          {preset && <BookAppointmentForm preset={preset} booking={booking} onDone={() => setPreset(null)} />}
        </DialogContent>
      </Dialog>
    </>
  );
}
