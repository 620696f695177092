// Dashboard: a greeting, the setup checklist until the front desk works, today's and the last 7 days'
// numbers, what's coming up, and the salon's number.
import type { Metadata } from "next";
import { StatsGrid } from "@/components/dashboard/stats-grid";
import { UpcomingAppointments } from "@/components/dashboard/upcoming-appointments";
import { YourNumberCard } from "@/components/dashboard/your-number-card";
import { OnboardingChecklistCard } from "@/components/onboarding/onboarding-checklist";
import { describeTimeZone } from "@/components/settings/time-zones";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { OWNER_ONLY_MESSAGE } from "@/lib/api/salon-action";
import { listUpcomingAppointments } from "@/lib/appointments/queries";
import { requireSessionContext } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { isTwilioSandbox } from "@/lib/env";
import { getOnboardingChecklist } from "@/lib/onboarding/get-onboarding-checklist";
import { parseBusinessHours, speakWeeklyHours } from "@/lib/salons/business-hours";
import { getDashboardStats, getSalonById } from "@/lib/salons/queries";
import { getZonedParts } from "@/lib/time/zoned";

export const metadata: Metadata = { title: "Dashboard" };

function greeting(hour: number): string {
  if (hour < 12) return "Good morning";
  if (hour < 17) return "Good afternoon";
  return "Good evening";
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ denied?: string }>;
}) {
  const session = await requireSessionContext();
  const now = new Date();
  const { denied } = await searchParams;
  // One after another on purpose: each scoped query holds a pool connection for its transaction, and the
  // stats already run seven counts in parallel; piling more on top starves the pool on small machines.
  const stats = await getDashboardStats(session.salonId, now);
  const [salon, appointments, checklist] = await Promise.all([
    getSalonById(session.salonId),
    listUpcomingAppointments(session.salonId, { now, limit: 8 }),
    getOnboardingChecklist(session.salonId),
  ]);
  const sandbox = isTwilioSandbox();
  const hours = parseBusinessHours(salon.businessHours);
  const firstName = session.name.split(/\s+/)[0] || session.name;
  const { hour } = getZonedParts(now, salon.timeZone);

  return (
    <>
      {denied === "1" && (
        <Notice tone="warning" title={OWNER_ONLY_MESSAGE}>
          Ask the salon owner if something needs changing.
        </Notice>
      )}
      <PageHeader
        title={`${greeting(hour)}, ${firstName}`}
        description={`${formatDate(now, salon.timeZone, "long")} · ${describeTimeZone(salon.timeZone)}`}
      />
      {!checklist.complete && (
        <OnboardingChecklistCard
          checklist={checklist}
          isOwner={session.role === "OWNER"}
          sandbox={sandbox}
          hoursSummary={hours ? speakWeeklyHours(hours) : null}
        />
      )}
      <StatsGrid stats={stats} />
      <div className={`grid grid-cols-1 items-start gap-6 ${salon.twilioNumber ? "lg:grid-cols-[minmax(0,1fr)_22rem]" : ""}`}>
        <UpcomingAppointments appointments={appointments} timeZone={salon.timeZone} now={now} />
        {salon.twilioNumber && (
          <YourNumberCard twilioNumber={salon.twilioNumber} forwardingPhone={salon.forwardingPhone} sandbox={sandbox} />
        )}
      </div>
    </>
  );
}
