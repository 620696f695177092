import { FormSkeleton } from "@/components/layout/form-skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading billing…</span>
      <FormSkeleton cards={1} tabs />
    </div>
  );
}
