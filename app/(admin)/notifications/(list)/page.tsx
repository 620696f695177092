// Notifications: every text and email the salon sent, filtered, sorted and paged on the server
// through the URL (?status=FAILED&after=…), refreshed live as texts are sent and their statuses change;
// reminders not yet due are on the Scheduled tab (?view=scheduled).
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { CalendarClockIcon, MessageSquareOffIcon, SendIcon } from "lucide-react";
import { IgnoredParamsNotice } from "@/components/data-table/ignored-params-notice";
import { KeysetPager } from "@/components/data-table/keyset-pager";
import { PastLastPage } from "@/components/data-table/past-last-page";
import { LiveRefresh } from "@/components/live/live-refresh";
import { NotificationFilters } from "@/components/notifications/notification-filters";
import { NotificationTabs } from "@/components/notifications/notification-tabs";
import { toNotificationRow } from "@/components/notifications/notification-row";
import { NotificationsTable } from "@/components/notifications/notifications-table";
import { readSearchParams, toSearchParams, type RawSearchParams } from "@/lib/url-state";
import { describeTimeZone } from "@/components/settings/time-zones";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionContext } from "@/lib/auth/session";
import { listNotificationsTable } from "@/lib/notifications/queries";
import { getSalonById } from "@/lib/salons/queries";
import { NOTIFICATION_PAGE_SIZES, notificationTableQuerySchema } from "@/lib/validations/notifications";

export const metadata: Metadata = { title: "Notifications" };

function SendTextButton({ variant = "default" }: { variant?: "default" | "outline" }) {
  return (
    <Button asChild variant={variant}>
      <Link href="/messages/send">
        <SendIcon aria-hidden />
        Send text
      </Link>
    </Button>
  );
}

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}) {
  const session = await requireSessionContext();
  const raw = await searchParams;
  const { query, dropped } = readSearchParams(notificationTableQuerySchema, raw);
  const now = new Date();
  const [salon, { rows, newer, older }] = await Promise.all([
    getSalonById(session.salonId),
    listNotificationsTable(session.salonId, query, now),
  ]);
  const tableRows = rows.map((n) => toNotificationRow(n, salon.timeZone, now));
  const filtered = Boolean(
    query.status.length || query.kind.length || query.channel.length || query.q || query.from || query.to,
  );
  const paged = Boolean(query.after || query.before);
  const scheduled = query.view === "scheduled";
  const timeZoneLabel = describeTimeZone(salon.timeZone);

  const header = (
    <PageHeader
      title="Notifications"
      description={`Every text and email Bolt sent for ${salon.name}, with its delivery status. Times are ${timeZoneLabel}.`}
      actions={<SendTextButton />}
    />
  );

  if (rows.length === 0 && !filtered && !paged && !scheduled) {
    return (
      <>
        {header}
        <LiveRefresh topics={["notifications"]} />
        <NotificationTabs current={query.view} params={toSearchParams(raw)} />
        <EmptyState
          icon={SendIcon}
          title="No texts yet — send your first one"
          description="Confirmations, reminders and the texts you send yourself all show up here, with whether they arrived."
          action={<SendTextButton variant="outline" />}
        />
      </>
    );
  }

  return (
    <>
      {header}
      <NotificationTabs current={query.view} params={toSearchParams(raw)} />
      <NotificationFilters timeZone={salon.timeZone} timeZoneLabel={timeZoneLabel} />
      {dropped.length > 0 && <IgnoredParamsNotice />}
      <div className="grid gap-3">
        <LiveRefresh topics={["notifications"]} />
        {tableRows.length > 0 ? (
          <NotificationsTable
            rows={tableRows}
            sort={query.sort}
            dir={query.dir}
            caption={`Texts and emails, sorted by ${query.sort === "status" ? "status" : "time created"}, ${query.dir === "asc" ? "ascending" : "descending"}`}
          />
        ) : paged ? (
          <PastLastPage path="/notifications" params={toSearchParams(raw)} />
        ) : scheduled && !filtered ? (
          <EmptyState
            icon={CalendarClockIcon}
            title="Nothing scheduled"
            description="Reminders waiting for their time show up here until they go out."
          />
        ) : (
          <EmptyState
            icon={MessageSquareOffIcon}
            title="No texts match these filters"
            description="Try a wider date range, another status, or part of the name or number."
          />
        )}
        <KeysetPager
          newer={newer}
          older={older}
          order={{ byTime: query.sort === "createdAt", dir: query.dir }}
          pageSizes={{ options: NOTIFICATION_PAGE_SIZES, param: "size", current: query.size }}
        />
      </div>
    </>
  );
}
