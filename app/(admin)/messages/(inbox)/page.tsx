// Messages: the salon's text conversations, newest first, unread ones marked; opening one shows the
// thread beside the list (on phones, instead of it). Refreshes itself so new texts appear.
import type { Metadata } from "next";
import { MessagesSquareIcon } from "lucide-react";
import { toConversationRow } from "@/components/messages/conversation-row";
import { InboxPanel } from "@/components/messages/inbox-panel";
import { parseInboxQuery } from "@/components/messages/inbox-query";
import { LiveRefresh } from "@/components/live/live-refresh";
import { NewTextButton } from "@/components/messages/new-text-button";
import type { RawSearchParams } from "@/lib/url-state";
import { describeTimeZone } from "@/components/settings/time-zones";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionContext } from "@/lib/auth/session";
import { listConversations } from "@/lib/conversations/list-conversations";
import { resolveAssigneeFilter } from "@/lib/follow-ups/assignee";
import { formatPhone } from "@/lib/phone";
import { getSalonById } from "@/lib/salons/queries";

export const metadata: Metadata = { title: "Messages" };

export default async function MessagesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const session = await requireSessionContext();
  const query = parseInboxQuery(await searchParams);
  const [salon, inbox] = await Promise.all([
    getSalonById(session.salonId),
    listConversations(session.salonId, { ...query, assignedTo: resolveAssigneeFilter(query.assignee, { userId: session.userId }) }),
  ]);
  const now = new Date();
  const rows = inbox.data.map((c) => toConversationRow(c, salon.name, salon.timeZone, now));

  return (
    <>
      <PageHeader
        title="Messages"
        description={`Texts with your customers. Times are ${describeTimeZone(salon.timeZone)}.`}
        actions={<NewTextButton />}
      />
      <LiveRefresh topics={["messages"]} />
      <div className="grid items-start gap-6 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <InboxPanel
          rows={rows}
          query={query}
          nextCursor={inbox.nextCursor}
          salonNumber={salon.twilioNumber ? formatPhone(salon.twilioNumber) : "your Bolt number"}
        />
        <EmptyState
          icon={MessagesSquareIcon}
          title="Pick a conversation"
          description="Its texts show here, with whether your replies were delivered."
          className="hidden min-h-80 lg:flex"
        />
      </div>
    </>
  );
}
