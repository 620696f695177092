import { CalendarCheckIcon, MessageSquareOffIcon, MessageSquareTextIcon, PhoneIncomingIcon, PhoneMissedIcon, TimerIcon } from "lucide-react";
import { percent, plural, RANGE_PHRASES } from "@/components/dashboard/chart-words";
import { StatCard } from "@/components/dashboard/stat-card";
import { formatDuration } from "@/lib/format";
import { periodCallsHref, type DashboardPeriod } from "@/lib/dashboard/dashboard-period";
import { averageCallSeconds, deliveryRate, type DashboardCharts } from "@/lib/dashboard/dashboard-figures";

/**
 * The period's numbers an owner checks between clients. The call figures link to the Calls page from the
 * period's first day, so the list they open holds the calls they counted.
 */
export function HeadlineFigures({ totals, period }: { totals: DashboardCharts["totals"]; period: DashboardPeriod }) {
  const average = averageCallSeconds(totals);
  const phrase = RANGE_PHRASES[period.range];
  return (
    <section aria-label={`At a glance, ${phrase}`} className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 2xl:grid-cols-6">
      <StatCard
        label="Calls"
        value={totals.calls}
        icon={PhoneIncomingIcon}
        hint={`${totals.bolt.toLocaleString("en-US")} by Bolt · ${totals.staff.toLocaleString("en-US")} by staff`}
        href={periodCallsHref(period)}
      />
      <StatCard
        label="Missed calls"
        value={totals.missed}
        icon={PhoneMissedIcon}
        tone={totals.missed > 0 ? "attention" : "default"}
        hint={plural(totals.voicemail, "voicemail", "voicemails")}
        href={periodCallsHref(period, "MISSED")}
      />
      <StatCard label="Booked by Bolt" value={totals.bookedByBolt} icon={CalendarCheckIcon} hint="Appointments booked or moved on calls" />
      <StatCard
        label="Average call"
        value={average === null ? "—" : formatDuration(average)}
        icon={TimerIcon}
        hint={totals.timedCalls === 0 ? "No connected calls yet" : `Over ${plural(totals.timedCalls, "connected call", "connected calls")}`}
      />
      <StatCard
        label="Texts sent"
        value={totals.textsSent}
        icon={MessageSquareTextIcon}
        tone={totals.textsFailed > 0 ? "attention" : "default"}
        hint={
          totals.textsSent + totals.textsFailed === 0
            ? "No texts yet"
            : `${percent(deliveryRate(totals))} delivered${totals.textsFailed > 0 ? ` · ${totals.textsFailed.toLocaleString("en-US")} failed` : ""}`
        }
      />
      <StatCard label="Opt-outs" value={totals.optOuts} icon={MessageSquareOffIcon} hint="Customers who turned texts off (STOP)" />
    </section>
  );
}
