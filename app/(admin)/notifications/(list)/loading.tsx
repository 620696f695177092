import { NotificationsSkeleton } from "@/components/notifications/notifications-skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading texts…</span>
      <NotificationsSkeleton />
    </div>
  );
}
