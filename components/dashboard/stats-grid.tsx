import { CalendarCheckIcon, MessageSquareTextIcon, PhoneIncomingIcon, PhoneMissedIcon } from "lucide-react";
import { StatCard } from "@/components/dashboard/stat-card";
import { callsTodayHref, missedCallsHref } from "@/lib/salons/dashboard-window";
import type { DashboardStats } from "@/lib/salons/queries";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The four numbers an owner checks between clients. "Last 7 days" is today and the six days before it
 * on the salon's clock, so a Sunday shows the week that just happened, not one that began this morning. The call
 * cards link to the Calls page filtered to the same window, so the list matches the number.
 */
export function StatsGrid({ stats }: { stats: DashboardStats }) {
  const failed = stats.textsFailed7d;
  return (
    <section aria-label="At a glance" className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
      <StatCard
        label="Calls today"
        value={stats.callsToday}
        icon={PhoneIncomingIcon}
        hint={`${plural(stats.calls7d, "call", "calls")} in the last 7 days`}
        href={callsTodayHref(stats.window)}
      />
      <StatCard
        label="Missed calls"
        value={stats.missedCalls7d}
        icon={PhoneMissedIcon}
        tone={stats.missedCalls7d > 0 ? "attention" : "default"}
        hint="Last 7 days"
        href={missedCallsHref(stats.window)}
      />
      <StatCard
        label="Texts sent"
        value={stats.textsSent7d}
        icon={MessageSquareTextIcon}
        tone={failed > 0 ? "attention" : "default"}
        hint={`Last 7 days · ${stats.textsDelivered7d} delivered${failed > 0 ? `, ${failed} failed` : ""}`}
      />
      <StatCard
        label="Appointments"
        value={stats.upcomingAppointments}
        icon={CalendarCheckIcon}
        hint="Coming up, booked or confirmed"
      />
    </section>
  );
}
