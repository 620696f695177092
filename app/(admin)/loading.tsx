// Shown while a page's data loads; the dashboard's shape is the most common first screen.
import { DashboardSkeleton } from "@/components/dashboard/dashboard-skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <DashboardSkeleton />
    </div>
  );
}
