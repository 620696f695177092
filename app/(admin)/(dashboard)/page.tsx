// Dashboard: a greeting, the setup checklist until the front desk works, the chosen period's numbers and
// charts (?range=today|7d|30d, on the salon's clock), what's coming up, and the salon's number.
import type { Metadata } from "next";
import { DashboardCharts } from "@/components/dashboard/dashboard-charts";
import { HeadlineFigures } from "@/components/dashboard/headline-figures";
import { RangeSwitch } from "@/components/dashboard/range-switch";
import { LiveRefresh } from "@/components/live/live-refresh";
import { NeedsAttention } from "@/components/dashboard/needs-attention";
import { UpcomingAppointments } from "@/components/dashboard/upcoming-appointments";
import { YourNumberCard } from "@/components/dashboard/your-number-card";
import { ChecklistHold } from "@/components/onboarding/checklist-hold";
import { OnboardingChecklistCard } from "@/components/onboarding/onboarding-checklist";
import { describeTimeZone } from "@/components/settings/time-zones";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { OWNER_ONLY_MESSAGE } from "@/lib/api/salon-action";
import { listUpcomingAppointments } from "@/lib/appointments/queries";
import { requireSessionContext } from "@/lib/auth/session";
import { dashboardPeriod } from "@/lib/dashboard/dashboard-period";
import { getDashboardCharts } from "@/lib/dashboard/get-dashboard-charts";
import { formatDate } from "@/lib/format";
import { isTwilioSandbox } from "@/lib/env";
import { getOnboardingChecklist } from "@/lib/onboarding/get-onboarding-checklist";
import { parseBusinessHours, speakWeeklyHours } from "@/lib/salons/business-hours";
import { getSalonById } from "@/lib/salons/queries";
import { getZonedParts } from "@/lib/time/zoned";
import { dashboardQuerySchema } from "@/lib/validations/dashboard";

export const metadata: Metadata = { title: "Dashboard" };

function greeting(hour: number): string {
  if (hour < 12) return "Good morning";
  if (hour < 17) return "Good afternoon";
  return "Good evening";
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ denied?: string; range?: string }>;
}) {
  const session = await requireSessionContext();
  const now = new Date();
  const { denied, range: rawRange } = await searchParams;
  const { range } = dashboardQuerySchema.parse({ range: rawRange });
  const salon = await getSalonById(session.salonId);
  const period = dashboardPeriod(range, now, salon.timeZone);
  // The charts are one statement (lib/dashboard/get-dashboard-charts.ts), so the page holds few pool connections at once.
  const [charts, appointments, checklist] = await Promise.all([
    getDashboardCharts(session.salonId, period),
    listUpcomingAppointments(session.salonId, { now, limit: 8 }),
    getOnboardingChecklist(session.salonId),
  ]);
  const sandbox = isTwilioSandbox();
  const hours = parseBusinessHours(salon.businessHours);
  const firstName = session.name.split(/\s+/)[0] || session.name;
  const { hour } = getZonedParts(now, salon.timeZone);

  return (
    <>
      <LiveRefresh topics={["calls", "messages", "notifications", "appointments"]} />
      {denied === "1" && (
        <Notice tone="warning" title={OWNER_ONLY_MESSAGE}>
          Ask the salon owner if something needs changing.
        </Notice>
      )}
      <PageHeader
        title={`${greeting(hour)}, ${firstName}`}
        description={`${formatDate(now, salon.timeZone, "long")} · ${describeTimeZone(salon.timeZone)}`}
        actions={<RangeSwitch current={range} />}
      />
      <ChecklistHold complete={checklist.complete}>
        <OnboardingChecklistCard
          checklist={checklist}
          isOwner={session.role === "OWNER"}
          sandbox={sandbox}
          hoursSummary={hours ? speakWeeklyHours(hours) : null}
        />
      </ChecklistHold>
      <HeadlineFigures totals={charts.totals} period={period} />
      <NeedsAttention salonId={session.salonId} viewerId={session.userId} timeZone={salon.timeZone} now={now} />
      <div className={`grid grid-cols-1 items-start gap-6 ${salon.twilioNumber ? "lg:grid-cols-[minmax(0,1fr)_22rem]" : ""}`}>
        <UpcomingAppointments appointments={appointments} timeZone={salon.timeZone} now={now} />
        {salon.twilioNumber && (
          <YourNumberCard twilioNumber={salon.twilioNumber} forwardingPhone={salon.forwardingPhone} sandbox={sandbox} />
        )}
      </div>
      <DashboardCharts charts={charts} period={period} />
    </>
  );
}
