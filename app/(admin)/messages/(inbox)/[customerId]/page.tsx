// One conversation: the customer's texts and the salon's in time order with delivery states, and a
// reply box (or, after STOP, a plain note why there isn't one). Opening it marks it read.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { format } from "date-fns";
import { customerLabel, toConversationRow } from "@/components/messages/conversation-row";
import { InboxPanel } from "@/components/messages/inbox-panel";
import { parseInboxQuery } from "@/components/messages/inbox-query";
import { LiveRefresh } from "@/components/messages/live-refresh";
import { LiveThread } from "@/components/messages/live-thread";
import { MessageThread } from "@/components/messages/message-thread";
import { NewTextButton } from "@/components/messages/new-text-button";
import { ReplyBox } from "@/components/messages/reply-box";
import { ThreadHeader } from "@/components/messages/thread-header";
import type { RawSearchParams } from "@/lib/url-state";
import { PageHeader } from "@/components/ui/page-header";
import { ApiError } from "@/lib/api/errors";
import { requireSessionContext } from "@/lib/auth/session";
import { getConversation } from "@/lib/conversations/get-conversation";
import { listConversations } from "@/lib/conversations/list-conversations";
import { formatPhone } from "@/lib/phone";
import { getSalonById } from "@/lib/salons/queries";
import { inZone } from "@/lib/time/zoned";

export const metadata: Metadata = { title: "Conversation" };

async function findConversation(salonId: string, customerId: string) {
  try {
    return await getConversation(salonId, customerId);
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
  const [salon, inbox, thread] = await Promise.all([
    getSalonById(session.salonId),
    listConversations(session.salonId, query),
    findConversation(session.salonId, customerId),
  ]);
  const now = new Date();
  const { customer } = thread;
  const name = customerLabel(customer);
  const optedOut = customer.smsConsent === "OPTED_OUT";
  const optedOutNote = optedOut
    ? `${customer.name?.trim().split(/\s+/)[0] ?? formatPhone(customer.phone)} opted out of texts${customer.optedOutAt ? ` on ${format(inZone(customer.optedOutAt, salon.timeZone), "MMM d")}` : ""}. They can text START to opt back in.`
    : null;

  return (
    <>
      <PageHeader title="Messages" actions={<NewTextButton />} className="hidden lg:flex" />
      <LiveRefresh />
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
          <div className="flex-1 px-3 py-4 sm:px-4 lg:overflow-y-auto">
            {thread.hasEarlier && (
              <p className="mb-4 text-center text-xs text-muted-foreground">
                Showing the latest {thread.messages.length} texts.
              </p>
            )}
            {thread.messages.length > 0 ? (
              <MessageThread
                messages={thread.messages}
                timeZone={salon.timeZone}
                now={now}
                authors={thread.authors}
              />
            ) : (
              <p className="py-10 text-center text-sm text-muted-foreground">
                No texts with {name} yet. Write the first one below.
              </p>
            )}
            <LiveThread
              customerId={customer.id}
              unreadCount={thread.unreadCount}
              messageCount={thread.messages.length}
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
