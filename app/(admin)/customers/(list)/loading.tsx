import { CustomersSkeleton } from "@/components/customers/customers-skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading customers…</span>
      <CustomersSkeleton />
    </div>
  );
}
