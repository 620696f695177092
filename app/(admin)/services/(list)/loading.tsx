import { AppointmentsSkeleton } from "@/components/appointments/appointments-skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading services…</span>
      <AppointmentsSkeleton days={2} />
    </div>
  );
}
