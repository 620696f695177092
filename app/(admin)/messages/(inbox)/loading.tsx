// In a route group so the inbox skeleton never flashes on /messages/send, which sits beside it, nor wraps a
// conversation (messages/[customerId], whose layout must answer an unknown id with a 404 before anything streams).
import { MessagesSkeleton } from "@/components/messages/messages-skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading conversations…</span>
      <MessagesSkeleton />
    </div>
  );
}
