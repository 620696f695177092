// The left side of Messages: All/Unread, search, the conversations and a link to older ones.
import Link from "@/components/ui/link";
import { InboxIcon, SearchXIcon } from "lucide-react";
import { IgnoredParamsNotice } from "@/components/data-table/ignored-params-notice";
import { ConversationList } from "@/components/messages/conversation-list";
import type { ConversationRow } from "@/components/messages/conversation-row";
import { ConversationSearch } from "@/components/messages/conversation-search";
import type { InboxQuery } from "@/components/messages/inbox-query";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

type Props = {
  rows: ConversationRow[];
  query: InboxQuery;
  nextCursor: string | null;
  selectedId?: string;
  salonNumber: string;
};

export function InboxPanel({ rows, query, nextCursor, selectedId, salonNumber }: Props) {
  const filtered = Boolean(query.q || query.unreadOnly || query.followUp || query.assignee);
  // A filter with nothing left in it (no search): nothing waits.
  const caughtUp = !query.q && Boolean(query.unreadOnly || query.followUp === "open" || query.assignee);
  const page = (cursor: string | null) => {
    const params = new URLSearchParams(query.listQuery);
    if (cursor) params.set("cursor", cursor);
    const s = params.toString();
    return s ? `/messages?${s}` : "/messages";
  };
  return (
    <div className="grid content-start gap-3">
      <ConversationSearch q={query.q} unreadOnly={query.unreadOnly} followUp={query.followUp} assignee={query.assignee} />
      {query.ignored && <IgnoredParamsNotice />}
      {rows.length > 0 ? (
        <ConversationList rows={rows} selectedId={selectedId} query={query.listQuery} />
      ) : filtered ? (
        <EmptyState
          icon={SearchXIcon}
          title={caughtUp ? "All caught up" : "No conversations match"}
          description={
            caughtUp
              ? query.unreadOnly ? "Every text has been read." : "No conversation is waiting for you."
              : "Try part of the name or the last digits of the number."
          }
        />
      ) : (
        <EmptyState
          icon={InboxIcon}
          title="No texts yet"
          description={`When customers text ${salonNumber}, their messages show up here so you can answer.`}
        />
      )}
      {(nextCursor || query.cursor) && (
        <div className="flex justify-between gap-2">
          {query.cursor ? (
            <Button asChild variant="ghost" size="sm">
              <Link href={page(null)}>Newest</Link>
            </Button>
          ) : (
            <span />
          )}
          {nextCursor && (
            <Button asChild variant="outline" size="sm">
              <Link href={page(nextCursor)}>Older conversations</Link>
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
