"use client";
// Booking from the calendar: customer (search by name or phone, or a new one) → service → stylist →
// one of the day's free times, which come from the availability function (working hours minus time
// off minus other bookings). A time someone else took meanwhile is refused by the database and the
// form says who is booked then.
import { startTransition, useEffect, useState } from "react";
import { Loader2Icon, PlusIcon, UserPlusIcon } from "lucide-react";
import { NATIVE_SELECT, StylistOptions, type BookingContext } from "@/components/appointments/appointment-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { CustomerMatch } from "@/lib/appointments/booking-customers";
import { bookFromCalendarAction, findSlotsAction, searchCustomersAction, type SlotOption } from "@/lib/appointments/calendar-actions";
import { formatTime } from "@/lib/format";
import { formatPhone } from "@/lib/phone";
import { getZonedParts } from "@/lib/time/zoned";

/** Where the dialog was opened: a day, maybe a stylist's column and an hour. */
export type BookingPreset = { date: string; employeeId?: string | null; minutesOfDay?: number };

function formOf(values: Record<string, string | undefined>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) if (v) data.set(k, v);
  return data;
}

function CustomerPicker({ onChange }: { onChange: (c: { id?: string; name?: string; phone?: string }) => void }) {
  const [q, setQ] = useState("");
  const [matches, setMatches] = useState<CustomerMatch[] | null>(null);
  const [chosen, setChosen] = useState<string>("");
  const [adding, setAdding] = useState(false);
  const [fresh, setFresh] = useState({ name: "", phone: "" });

  useEffect(() => {
    if (adding || q.trim().length < 2) return;
    let stale = false;
    const timer = setTimeout(() => {
      void searchCustomersAction(null, formOf({ q })).then((r) => {
        if (!stale) setMatches(r?.ok ? (r.data ?? []) : []);
      });
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [q, adding]);

  if (adding) {
    return (
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium">New customer</legend>
        <FormField label="Name" name="newCustomerName" id="book-new-name">
          {(f) => (
            <Input
              {...f}
              value={fresh.name}
              onChange={(e) => {
                const next = { ...fresh, name: e.target.value };
                setFresh(next);
                onChange(next);
              }}
            />
          )}
        </FormField>
        <FormField label="Mobile phone" name="newCustomerPhone" id="book-new-phone">
          {(f) => (
            <Input
              {...f}
              type="tel"
              required
              value={fresh.phone}
              onChange={(e) => {
                const next = { ...fresh, phone: e.target.value };
                setFresh(next);
                onChange(next);
              }}
            />
          )}
        </FormField>
        <Button type="button" variant="link" size="sm" className="justify-self-start px-0" onClick={() => setAdding(false)}>
          Search existing customers instead
        </Button>
      </fieldset>
    );
  }
  return (
    <div className="grid gap-2">
      <FormField label="Customer" name="q" id="book-customer-search" hint="Name or phone number">
        {(f) => <Input {...f} name={undefined} type="search" autoComplete="off" value={q} onChange={(e) => setQ(e.target.value)} />}
      </FormField>
      {matches && q.trim().length >= 2 && (
        <div role="radiogroup" aria-label="Matching customers" className="grid max-h-40 gap-1 overflow-y-auto">
          {matches.length === 0 && <p className="text-sm text-muted-foreground">No customer matches “{q}”.</p>}
          {matches.map((m) => (
            <label key={m.id} className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-checked:border-primary has-checked:bg-primary/5">
              <input
                type="radio"
                name="customerChoice"
                value={m.id}
                checked={chosen === m.id}
                onChange={() => {
                  setChosen(m.id);
                  onChange({ id: m.id });
                }}
              />
              <span className="font-medium">{m.name ?? formatPhone(m.phone)}</span>
              {m.name && <span className="text-muted-foreground tabular-nums">{formatPhone(m.phone)}</span>}
            </label>
          ))}
        </div>
      )}
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="justify-self-start"
        onClick={() => {
          setAdding(true);
          setChosen("");
          onChange({});
        }}
      >
        <UserPlusIcon aria-hidden /> New customer
      </Button>
    </div>
  );
}

export function BookAppointmentForm({
  preset,
  booking,
  onDone,
}: {
  preset: BookingPreset;
  booking: BookingContext;
  onDone: () => void;
}) {
  const { state, formAction, pending, onSubmit, fieldErrors } = useActionForm(bookFromCalendarAction);
  const [customer, setCustomer] = useState<{ id?: string; name?: string; phone?: string }>({});
  const [serviceId, setServiceId] = useState(booking.services[0]?.id ?? "");
  const [employeeId, setEmployeeId] = useState(preset.employeeId ?? "");
  const [date, setDate] = useState(preset.date);
  const [slots, setSlots] = useState<SlotOption[] | null>(null);
  const [slotError, setSlotError] = useState<string | null>(null);
  const [slot, setSlot] = useState<SlotOption | null>(null);

  useEffect(() => {
    if (state?.ok) onDone();
  }, [state, onDone]);

  useEffect(() => {
    if (!serviceId || !date) return;
    let stale = false;
    startTransition(() => {
      setSlots(null);
      setSlot(null);
      setSlotError(null);
    });
    void findSlotsAction(null, formOf({ serviceId, employeeId, date })).then((r) => {
      if (stale) return;
      if (!r?.ok) return setSlotError(r?.error ?? "Couldn't load free times.");
      const found = r.data ?? [];
      setSlots(found);
      // Opened from an hour in a stylist's column: start at that hour.
      if (preset.minutesOfDay !== undefined) {
        const first = found.find((s) => getZonedParts(s.startsAt, booking.timeZone).minutesOfDay >= preset.minutesOfDay!);
        if (first) setSlot(first);
      }
    });
    return () => {
      stale = true;
    };
  }, [serviceId, employeeId, date, preset.minutesOfDay, booking.timeZone]);

  return (
    <form action={formAction} onSubmit={onSubmit} className="grid gap-4" aria-label="Book an appointment">
      <DialogHeader>
        <DialogTitle>Book an appointment</DialogTitle>
        <DialogDescription>Pick the customer, the service and one of the free times.</DialogDescription>
      </DialogHeader>
      <CustomerPicker onChange={setCustomer} />
      {customer.id && <input type="hidden" name="customerId" value={customer.id} />}
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField label="Service" name="serviceId" id="book-service" errors={fieldErrors?.serviceId}>
          {(f) => (
            <select {...f} className={NATIVE_SELECT} value={serviceId} onChange={(e) => setServiceId(e.target.value)} required>
              {booking.services.length === 0 && <option value="">No services yet</option>}
              {booking.services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.durationMinutes} min)
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Stylist" name="stylistFilter" id="book-stylist">
          {(f) => (
            <select {...f} className={NATIVE_SELECT} value={employeeId} onChange={(e) => setEmployeeId(e.target.value)}>
              <option value="">Anyone</option>
              <StylistOptions stylists={booking.stylists} />
            </select>
          )}
        </FormField>
        <FormField label="Day" name="date" id="book-date">
          {(f) => <Input {...f} type="date" value={date} onChange={(e) => setDate(e.target.value)} required />}
        </FormField>
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Free times</legend>
        {slotError && <p className="text-sm text-destructive">{slotError}</p>}
        {!slots && !slotError && (
          <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status">
            <Loader2Icon className="size-4 animate-spin" aria-hidden /> Finding free times…
          </p>
        )}
        {slots?.length === 0 && <p className="text-sm text-muted-foreground">No free times that day. Try another day or stylist.</p>}
        {slots && slots.length > 0 && (
          <div role="radiogroup" aria-label="Free times" className="flex max-h-48 flex-wrap gap-1.5 overflow-y-auto">
            {slots.map((s) => {
              const checked = slot?.startsAt === s.startsAt && slot.employeeId === s.employeeId;
              return (
                <label
                  key={`${s.employeeId}-${s.startsAt}`}
                  className="cursor-pointer rounded-md border px-2.5 py-1.5 text-sm tabular-nums has-checked:border-primary has-checked:bg-primary has-checked:text-primary-foreground"
                >
                  <input type="radio" className="sr-only" name="slot" checked={checked} onChange={() => setSlot(s)} />
                  {formatTime(s.startsAt, booking.timeZone)}
                  {!employeeId && <span className="opacity-80"> · {s.employeeName}</span>}
                </label>
              );
            })}
          </div>
        )}
      </fieldset>
      {slot && (
        <>
          <input type="hidden" name="startsAt" value={slot.startsAt} />
          <input type="hidden" name="employeeId" value={slot.employeeId} />
        </>
      )}
      <FormMessage message={state && !state.ok ? state.error : null} />
      <Button type="submit" disabled={pending || !slot || !(customer.id || customer.phone)}>
        {pending && <Loader2Icon className="animate-spin" aria-hidden />}
        {pending ? "Booking…" : slot ? `Book ${formatTime(slot.startsAt, booking.timeZone)} with ${slot.employeeName}` : "Book"}
      </Button>
    </form>
  );
}

/** "New appointment" in the page header: the booking dialog for the day in view. */
export function NewAppointmentButton({ date, booking }: { date: string; booking: BookingContext }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <PlusIcon aria-hidden /> New appointment
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-2xl">
        {open && <BookAppointmentForm preset={{ date }} booking={booking} onDone={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}
