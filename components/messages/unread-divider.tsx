"use client";
// The "New" line before the first text that was unread when the conversation opened. Opening it marks
// everything read and refreshes the page, after which the server finds nothing unread; the boundary
// is kept here, for as long as the conversation stays open.
import { createContext, useContext, useState, type ReactNode } from "react";

const FirstUnread = createContext<string | null>(null);

type BoundaryProps = { firstUnreadId: string | null; children: ReactNode };

/** Key it by the customer, so another conversation starts afresh. */
export function UnreadBoundary({ firstUnreadId, children }: BoundaryProps) {
  const [kept, setKept] = useState(firstUnreadId);
  // Nothing was unread on opening, and a text arrives while the conversation is open: mark that one.
  if (kept === null && firstUnreadId !== null) setKept(firstUnreadId);
  return <FirstUnread value={kept}>{children}</FirstUnread>;
}

/** Rendered before each of the customer's texts; shows only before the first unread one. */
export function UnreadDivider({ messageId }: { messageId: string }) {
  if (useContext(FirstUnread) !== messageId) return null;
  return (
    <li
      role="separator"
      aria-label="New texts"
      data-testid="unread-divider"
      className="flex items-center gap-3 text-xs font-medium text-primary before:h-px before:flex-1 before:bg-primary/40 after:h-px after:flex-1 after:bg-primary/40"
    >
      <span aria-hidden>New</span>
    </li>
  );
}
