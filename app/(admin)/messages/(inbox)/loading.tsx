// In a route group so the inbox skeleton never flashes on /messages/send, which sits beside it.
import { MessagesSkeleton } from "@/components/messages/messages-skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading conversations…</span>
      <MessagesSkeleton />
    </div>
  );
}
