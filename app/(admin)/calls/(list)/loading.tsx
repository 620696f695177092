import { CallsSkeleton } from "@/components/calls/calls-skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading calls…</span>
      <CallsSkeleton />
    </div>
  );
}
