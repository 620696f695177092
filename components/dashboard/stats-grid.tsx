import { CalendarCheckIcon, MessageSquareTextIcon, PhoneIncomingIcon, PhoneMissedIcon } from "lucide-react";
import { StatCard } from "@/components/dashboard/stat-card";
import type { DashboardStats } from "@/lib/salons/queries";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The four numbers an owner checks between clients. */
export function StatsGrid({ stats }: { stats: DashboardStats }) {
  const failed = stats.textsFailed7d;
  return (
    <section aria-label="This week at a glance" className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
      <StatCard
        label="Calls today"
        value={stats.callsToday}
        icon={PhoneIncomingIcon}
        hint={`${plural(stats.callsThisWeek, "call", "calls")} this week`}
      />
      <StatCard
        label="Missed calls"
        value={stats.missedCallsThisWeek}
        icon={PhoneMissedIcon}
        tone={stats.missedCallsThisWeek > 0 ? "attention" : "default"}
        hint="This week"
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
