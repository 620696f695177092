// Calls: every call to the salon's number with its summary line, filtered (?followUp=open for the
// calls staff need to follow up), sorted and paged on the server through the URL
// (?outcome=MISSED&from=2026-03-01&after=…). Dates are whole days in the salon's time zone.
import type { Metadata } from "next";
import { PhoneIcon, PhoneOffIcon } from "lucide-react";
import { CallFilters } from "@/components/calls/call-filters";
import { CallLogTable, type CallSort } from "@/components/calls/call-log-table";
import { toCallRow } from "@/components/calls/call-row";
import { parseCallsQuery } from "@/components/calls/calls-query";
import { IgnoredParamsNotice } from "@/components/data-table/ignored-params-notice";
import { KeysetPager } from "@/components/data-table/keyset-pager";
import { PastLastPage } from "@/components/data-table/past-last-page";
import { LiveRefresh } from "@/components/live/live-refresh";
import { toSearchParams, type RawSearchParams } from "@/lib/url-state";
import { describeTimeZone } from "@/components/settings/time-zones";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionContext } from "@/lib/auth/session";
import { listCallLogsPage } from "@/lib/calls/queries";
import { resolveAssigneeFilter } from "@/lib/follow-ups/assignee";
import { formatPhone } from "@/lib/phone";
import { getSalonById } from "@/lib/salons/queries";

export const metadata: Metadata = { title: "Calls" };

export default async function CallsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const session = await requireSessionContext();
  const raw = await searchParams;
  const { query, ignored, reversedDates } = parseCallsQuery(raw);
  const [salon, result] = await Promise.all([
    getSalonById(session.salonId),
    listCallLogsPage(session.salonId, { ...query, assignedTo: resolveAssigneeFilter(query.assignee, { userId: session.userId }) }),
  ]);
  const rows = result.rows.map((call) => toCallRow(call, salon.timeZone));
  const filtered = Boolean(query.q || query.outcome || query.followUp || query.assignee || query.reason || query.from || query.to);
  const paged = Boolean(query.after || query.before);
  const timeZoneLabel = describeTimeZone(salon.timeZone);
  const sort: CallSort = query.sort;

  const header = (
    <PageHeader
      title="Calls"
      description={`Every call to ${salon.twilioNumber ? formatPhone(salon.twilioNumber) : "your Bolt number"}, what the caller wanted and how it ended. Times are ${timeZoneLabel}.`}
    />
  );

  if (rows.length === 0 && !filtered && !paged) {
    return (
      <>
        {header}
        <LiveRefresh topics={["calls"]} />
        <EmptyState
          icon={PhoneIcon}
          title="No calls yet"
          description="When someone calls your Bolt number, the call shows up here with any voicemail and what they asked about."
        />
      </>
    );
  }

  return (
    <>
      {header}
      <LiveRefresh topics={["calls"]} />
      <CallFilters timeZone={salon.timeZone} timeZoneLabel={timeZoneLabel} />
      {reversedDates && (
        <Notice tone="warning" title="The dates are the wrong way round">
          “To” is before “From”, so the list leaves the To date out. Pick a To date on or after the From date.
        </Notice>
      )}
      {ignored && <IgnoredParamsNotice />}
      <div className="grid grid-cols-1 gap-3">
        {rows.length > 0 ? (
          <CallLogTable
            rows={rows}
            sort={sort}
            dir={query.dir}
            caption={`Calls, sorted by ${sort === "durationSeconds" ? "length" : "time"}, ${query.dir === "asc" ? "ascending" : "descending"}`}
          />
        ) : paged ? (
          <PastLastPage path="/calls" params={toSearchParams(raw)} />
        ) : (
          <EmptyState
            icon={PhoneOffIcon}
            title="No calls match these filters"
            description="Try a wider date range, another status, or part of the caller's name or number."
          />
        )}
        <KeysetPager newer={result.newer} older={result.older} order={{ byTime: sort === "startedAt", dir: query.dir }} />
      </div>
    </>
  );
}
