// One conversation: the customer's texts and the salon's in time order with delivery states, and a
// reply box (or, after STOP, a plain note why there isn't one). Opening it marks it read; the "New"
// line is placed from what was unread when the page loaded. ?before= pages back through older texts.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { format } from "date-fns";
import { customerLabel, toConversationRow } from "@/components/messages/conversation-row";
import { InboxPanel } from "@/components/messages/inbox-panel";
import { parseInboxQuery } from "@/components/messages/inbox-query";
import { LiveRefresh } from "@/components/live/live-refresh";
import { LiveThread } from "@/components/messages/live-thread";
import { MessageThread } from "@/components/messages/message-thread";
import { NewTextButton } from "@/components/messages/new-text-button";
import { ReplyBox } from "@/components/messages/reply-box";
import { ConversationFollowUp } from "@/components/messages/conversation-follow-up";
import { ThreadHeader } from "@/components/messages/thread-header";
import { EarlierTextsLink, LatestTextsLink, parseThreadBefore } from "@/components/messages/thread-paging";
import { UnreadBoundary } from "@/components/messages/unread-divider";
import type { RawSearchParams } from "@/lib/url-state";
import { PageHeader } from "@/components/ui/page-header";
import { ApiError } from "@/lib/api/errors";
import { requireSessionContext } from "@/lib/auth/session";
import { getConversation } from "@/lib/conversations/get-conversation";
import { firstUnreadMessageId, latestMessageId } from "@/lib/conversations/thread-message";
import { listConversations } from "@/lib/conversations/list-conversations";
import { resolveAssigneeFilter } from "@/lib/follow-ups/assignee";
import { formatPhone } from "@/lib/phone";
import { getSalonById } from "@/lib/salons/queries";
import { inZone } from "@/lib/time/zoned";

export const metadata: Metadata = { title: "Conversation" };

async function findConversation(salonId: string, customerId: string, before: Date | undefined) {
  try {
    return await getConversation(salonId, customerId, { before });
  } catch (err) {
    // Another salon's customer, or a mistyped id, reads as not found — never as an error page.
    if (err instanceof ApiError && err.status === 404) notFound();
    throw err;
  }
}

type Props = { params: Promise<{ customerId: string }>; searchParams: Promise<RawSearchParams> };

export default async function ConversationPage({ params, searchParams }: Props) {
  const session = await requireSessionContext();
  const [{ customerId }, raw] = await Promise.all([params, searchParams]);
  const query = parseInboxQuery(raw);
  const before = parseThreadBefore(raw);
  const [salon, inbox, thread] = await Promise.all([
    getSalonById(session.salonId),
    listConversations(session.salonId, { ...query, assignedTo: resolveAssigneeFilter(query.assignee, { userId: session.userId }) }),
    findConversation(session.salonId, customerId, before),
  ]);
  const now = new Date();
  const { customer } = thread;
  const name = customerLabel(customer);
  const paging = { path: `/messages/${customer.id}`, listQuery: query.listQuery };
  const optedOut = customer.smsConsent === "OPTED_OUT";
  const optedOutNote = optedOut
    ? `${customer.name?.trim().split(/\s+/)[0] ?? formatPhone(customer.phone)} opted out of texts${customer.optedOutAt ? ` on ${format(inZone(customer.optedOutAt, salon.timeZone), "MMM d")}` : ""}. They can text START to opt back in.`
    : null;

  return (
    <>
      <PageHeader title="Messages" actions={<NewTextButton />} className="hidden lg:flex" />
      <LiveRefresh topics={["messages"]} />
      <LiveRefresh topics={["notifications"]} id={customer.id} />
      <div className="grid items-start gap-6 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <div className="hidden lg:block">
          <InboxPanel
            rows={inbox.data.map((c) => toConversationRow(c, salon.name, salon.timeZone, now))}
            query={query}
            nextCursor={inbox.nextCursor}
            selectedId={customer.id}
            salonNumber={salon.twilioNumber ? formatPhone(salon.twilioNumber) : "your Bolt number"}
          />
        </div>
        <section
          aria-label={`Conversation with ${name}`}
          className="flex min-w-0 flex-col rounded-xl border bg-card shadow-xs lg:h-[calc(100dvh-12rem)] lg:min-h-[28rem]"
        >
          <ThreadHeader
            name={name}
            phone={customer.phone}
            isNew={customer.isNew}
            optedOut={optedOut}
            backHref={query.listQuery ? `/messages?${query.listQuery}` : "/messages"}
          />
          <ConversationFollowUp customerId={customer.id} state={customer.followUp} assignee={customer.followUpAssignee} viewerId={session.userId} />
          {/* On lg the texts scroll in here: named and in the tab order so a keyboard can scroll them. */}
          <div
            tabIndex={0}
            role="region"
            aria-label={`Texts with ${name}`}
            className="flex-1 px-3 py-4 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:ring-inset sm:px-4 lg:overflow-y-auto"
          >
            <EarlierTextsLink {...paging} shown={thread.messages} hasEarlier={thread.hasEarlier} paged={Boolean(before)} />
            {thread.messages.length > 0 ? (
              <UnreadBoundary key={customer.id} firstUnreadId={firstUnreadMessageId(thread.messages)}>
                <MessageThread
                  messages={thread.messages}
                  salon={salon}
                  now={now}
                  authors={thread.authors}
                  customerName={name}
                />
              </UnreadBoundary>
            ) : (
              <p className="py-10 text-center text-sm text-muted-foreground">
                {before ? `No earlier texts with ${name}.` : `No texts with ${name} yet. Write the first one below.`}
              </p>
            )}
            {before && <LatestTextsLink {...paging} />}
            <LiveThread
              customerId={customer.id}
              // Earlier texts don't show the unread ones, so looking at them doesn't mark those read.
              unreadCount={before ? 0 : thread.unreadCount}
              // Not the last shown: a text waiting for tomorrow stays last while new ones arrive before it.
              lastMessageId={latestMessageId(thread.messages, now)}
            />
          </div>
          <div className="sticky bottom-0 rounded-b-xl border-t bg-card px-3 py-3 sm:px-4">
            <ReplyBox customerId={customer.id} salonName={salon.name} optedOutNote={optedOutNote} />
          </div>
        </section>
      </div>
    </>
  );
}
