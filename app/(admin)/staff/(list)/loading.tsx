import { AppointmentsSkeleton } from "@/components/appointments/appointments-skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading staff…</span>
      <AppointmentsSkeleton days={1} />
    </div>
  );
}
