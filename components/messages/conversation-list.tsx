// The inbox: one row per customer, newest conversation first, unread ones in bold with a count.
import Link from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import type { ConversationRow } from "@/components/messages/conversation-row";
import { cn } from "@/lib/utils";

function initials(name: string): string {
  const letters = name.match(/\p{L}+/gu)?.map((w) => w[0]) ?? [];
  return letters.length
    ? (letters.length > 1 ? `${letters[0]}${letters.at(-1)}` : `${letters[0]}`).toUpperCase()
    : "#";
}

type Props = {
  rows: ConversationRow[];
  selectedId?: string;
  /** The list's own query (q, unreadOnly), kept on every link so the list stays as filtered. */
  query: string;
};

export function ConversationList({ rows, selectedId, query }: Props) {
  return (
    <ul
      aria-label="Conversations"
      className="grid divide-y overflow-hidden rounded-xl border bg-card shadow-xs"
    >
      {rows.map((row) => {
        const unread = row.unreadCount > 0;
        const selected = row.customerId === selectedId;
        return (
          <li key={row.customerId} data-customer-id={row.customerId} data-unread={unread ? "true" : "false"}>
            <Link
              href={`/messages/${row.customerId}${query ? `?${query}` : ""}`}
              aria-current={selected ? "page" : undefined}
              className={cn(
                "flex gap-3 px-3 py-3 outline-none transition-colors hover:bg-muted/50 focus-visible:bg-muted/60 focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:ring-inset",
                selected && "bg-accent/60 hover:bg-accent/60",
              )}
            >
              <span
                className="flex size-9 shrink-0 items-center justify-center rounded-full bg-muted text-xs font-semibold text-muted-foreground"
                aria-hidden
              >
                {initials(row.name)}
              </span>
              <span className="grid min-w-0 flex-1 grid-cols-1 gap-0.5">
                <span className="flex items-baseline gap-2">
                  <span className={cn("min-w-0 truncate text-sm", unread ? "font-semibold" : "font-medium")}>
                    {row.name}
                  </span>
                  {row.isNew && <Badge variant="secondary">New</Badge>}
                  {row.needsFollowUp && <Badge variant="warning">Follow-up</Badge>}
                  {row.optedOut && (
                    <Badge variant="outline" className="text-muted-foreground">
                      Opted out
                    </Badge>
                  )}
                  <time
                    dateTime={row.timeIso}
                    title={row.timeTitle}
                    className={cn(
                      "ml-auto shrink-0 text-xs tabular-nums",
                      unread ? "font-medium text-foreground" : "text-muted-foreground",
                    )}
                  >
                    {row.timeLabel}
                  </time>
                </span>
                <span className="flex items-center gap-2">
                  <span
                    className={cn(
                      "min-w-0 truncate text-sm",
                      unread ? "text-foreground" : "text-muted-foreground",
                    )}
                  >
                    {row.previewPrefix && <span className="text-muted-foreground">{row.previewPrefix}</span>}
                    {row.preview || <span className="italic">No texts yet</span>}
                  </span>
                  {unread && (
                    <span className="ml-auto flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-primary px-1.5 text-xs font-semibold text-primary-foreground tabular-nums">
                      {row.unreadCount}
                      <span className="sr-only"> unread</span>
                    </span>
                  )}
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
