import { FormSkeleton } from "@/components/layout/form-skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading alert settings…</span>
      <FormSkeleton cards={3} tabs />
    </div>
  );
}
