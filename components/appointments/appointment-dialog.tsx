"use client";
// One appointment, opened from the calendar or the phone list: who, what, when and its status, and what
// staff can do with it — move it (day, time, stylist), confirm, cancel, or once it has started mark it
// completed or a no-show. Each is a server action through the appointment functions, with a toast.
import { useEffect, useState } from "react";
import { Loader2Icon } from "lucide-react";
import { StatusBadge, isLiveStatus, wantsReschedule, RescheduleBadge } from "@/components/appointments/appointment-status";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeAppointmentStatusAction, moveFromCalendarAction } from "@/lib/appointments/calendar-actions";
import type { AppointmentStatus } from "@/lib/generated/prisma/enums";
import { formatDate, formatTime } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import { getZonedParts } from "@/lib/time/zoned";

/** What the calendar's dialogs need from the page: the salon's zone, who can be booked, what, and now. */
export type BookingContext = {
  timeZone: string;
  stylists: Array<{ id: string; name: string }>;
  services: Array<{ id: string; name: string; durationMinutes: number }>;
  now: Date;
};

export type DialogAppointment = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  rescheduleRequestedAt: Date | null;
  employeeId: string | null;
  customer: { name: string | null; phone: string };
  service: { name: string } | null;
  employee: { name: string } | null;
};

export const NATIVE_SELECT =
  "h-9 w-full rounded-md border border-input bg-card px-3 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/40";

/** One <option> per bookable stylist, for the move and booking forms' stylist pickers. */
export function StylistOptions({ stylists }: { stylists: BookingContext["stylists"] }) {
  return stylists.map((s) => (
    <option key={s.id} value={s.id}>
      {s.name}
    </option>
  ));
}

const pad = (n: number) => String(n).padStart(2, "0");

function wallParts(at: Date, timeZone: string) {
  const p = getZonedParts(at, timeZone);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

function MoveForm({ appt, booking, onDone }: { appt: DialogAppointment; booking: BookingContext; onDone: () => void }) {
  const { state, formAction, pending, onSubmit, fieldErrors } = useActionForm(moveFromCalendarAction);
  useEffect(() => {
    if (state?.ok) onDone();
  }, [state, onDone]);
  const wall = wallParts(appt.startsAt, booking.timeZone);
  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-3" aria-label="Move appointment">
      <input type="hidden" name="appointmentId" value={appt.id} />
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField label="Day" name="date" id={`move-date-${appt.id}`} errors={fieldErrors?.date}>
          {(f) => <Input type="date" defaultValue={wall.date} required {...f} />}
        </FormField>
        <FormField label="Time" name="time" id={`move-time-${appt.id}`} errors={fieldErrors?.time}>
          {(f) => <Input type="time" step={300} defaultValue={wall.time} required {...f} />}
        </FormField>
        <FormField label="Stylist" name="employeeId" id={`move-stylist-${appt.id}`} errors={fieldErrors?.employeeId}>
          {(f) => (
            <select className={NATIVE_SELECT} defaultValue={appt.employeeId ?? ""} required {...f}>
              <option value="" disabled>
                Choose…
              </option>
              <StylistOptions stylists={booking.stylists} />
            </select>
          )}
        </FormField>
      </div>
      <FormMessage message={state && !state.ok ? state.error : null} />
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending && <Loader2Icon className="animate-spin" aria-hidden />}
        {pending ? "Moving…" : "Move appointment"}
      </Button>
    </form>
  );
}

function StatusButton({
  appt,
  change,
  label,
  variant = "outline",
  onDone,
}: {
  appt: DialogAppointment;
  change: "cancel" | "confirm" | "complete" | "no_show";
  label: string;
  variant?: "outline" | "destructive";
  onDone: () => void;
}) {
  const { state, formAction, pending, onSubmit } = useActionForm(changeAppointmentStatusAction);
  useEffect(() => {
    if (state?.ok) onDone();
  }, [state, onDone]);
  return (
    <form action={formAction} onSubmit={onSubmit}>
      <input type="hidden" name="appointmentId" value={appt.id} />
      <input type="hidden" name="change" value={change} />
      <Button type="submit" size="sm" variant={variant} disabled={pending}>
        {pending && <Loader2Icon className="animate-spin" aria-hidden />}
        {label}
      </Button>
    </form>
  );
}

export function AppointmentDialogBody({
  appt,
  booking,
  onDone,
}: {
  appt: DialogAppointment;
  booking: BookingContext;
  onDone: () => void;
}) {
  const { timeZone, now } = booking;
  const name = appt.customer.name ?? formatPhone(appt.customer.phone);
  const live = isLiveStatus(appt.status);
  const started = appt.startsAt <= now;
  return (
    <>
      <DialogHeader>
        <DialogTitle>{name}</DialogTitle>
        <DialogDescription>
          {[appt.service?.name ?? "Appointment", appt.employee ? `with ${appt.employee.name}` : "no stylist"].join(" · ")}
        </DialogDescription>
      </DialogHeader>
      <div className="grid gap-1 text-sm">
        <p className="tabular-nums">
          {formatDate(appt.startsAt, timeZone, "long")}, {formatTime(appt.startsAt, timeZone)}–{formatTime(appt.endsAt, timeZone)}
        </p>
        <p className="text-muted-foreground tabular-nums">{formatPhone(appt.customer.phone)}</p>
        <p className="flex flex-wrap gap-2 pt-1">
          <StatusBadge appt={appt} now={now} />
          {wantsReschedule(appt) && <RescheduleBadge />}
        </p>
      </div>
      {live && <MoveForm appt={appt} booking={booking} onDone={onDone} />}
      {live && (
        <div className="flex flex-wrap gap-2 border-t pt-4">
          {appt.status === "BOOKED" && !started && <StatusButton appt={appt} change="confirm" label="Mark confirmed" onDone={onDone} />}
          {started && <StatusButton appt={appt} change="complete" label="Mark completed" onDone={onDone} />}
          {started && <StatusButton appt={appt} change="no_show" label="Mark no-show" onDone={onDone} />}
          <StatusButton appt={appt} change="cancel" label="Cancel appointment" variant="destructive" onDone={onDone} />
        </div>
      )}
    </>
  );
}

/** The phone list's "Manage" button: the same dialog as a block on the calendar. */
export function AppointmentManageButton({ appointment, booking }: { appointment: DialogAppointment; booking: BookingContext }) {
  const [open, setOpen] = useState(false);
  const name = appointment.customer.name ?? formatPhone(appointment.customer.phone);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          Manage<span className="sr-only"> {name}&apos;s appointment</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <AppointmentDialogBody appt={appointment} booking={booking} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
