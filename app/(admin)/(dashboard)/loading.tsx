// Shown while the dashboard loads. In a route group: a skeleton above every admin page would start a streamed
// 200 before a detail page could answer an unknown id with a 404.
import { DashboardSkeleton } from "@/components/dashboard/dashboard-skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <DashboardSkeleton />
    </div>
  );
}
