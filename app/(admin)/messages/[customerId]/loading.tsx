import { MessagesSkeleton } from "@/components/messages/messages-skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading conversation…</span>
      <MessagesSkeleton thread />
    </div>
  );
}
