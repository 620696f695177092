import { FormSkeleton } from "@/components/layout/form-skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <FormSkeleton cards={1} />
    </div>
  );
}
