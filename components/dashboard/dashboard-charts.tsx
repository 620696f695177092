// The dashboard's charts for the chosen period: calls by outcome, busiest times, reasons, texts and their
// failures. Each has a heading, a sentence of key figures and its numbers as a table; an empty period says so.
import { MessageSquareTextIcon, PhoneIcon } from "lucide-react";
import { BusiestTimes } from "@/components/dashboard/busiest-times";
import { CallsChart } from "@/components/dashboard/calls-chart";
import { ChartCard } from "@/components/dashboard/chart-card";
import { bucketTitle, hourLabel, percent, plural, RANGE_PHRASES, WEEKDAY_NAMES } from "@/components/dashboard/chart-words";
import { ReasonsChart } from "@/components/dashboard/reasons-chart";
import { TextsChart } from "@/components/dashboard/texts-chart";
import { REASON_LABELS } from "@/components/calls/labels";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { DashboardPeriod } from "@/lib/dashboard/dashboard-period";
import { averageCallSeconds, deliveryRate, type DashboardCharts as Charts } from "@/lib/dashboard/dashboard-figures";
import { formatDuration } from "@/lib/format";

type Props = { charts: Charts; period: DashboardPeriod };

const n = (value: number) => value.toLocaleString("en-US");

function callsSummary({ totals }: Charts, phrase: string): string {
  const average = averageCallSeconds(totals);
  return (
    `${plural(totals.calls, "call", "calls")} ${phrase}: ${n(totals.staff)} answered by staff, ${n(totals.bolt)} by Bolt, ` +
    `${n(totals.voicemail)} voicemail, ${n(totals.missed)} missed.` + (average === null ? "" : ` Average length ${formatDuration(average)}.`)
  );
}

function busiestSummary(cells: Charts["busiestTimes"], days: string): string {
  const top = [...cells].sort((a, b) => b.calls - a.calls)[0];
  if (!top) return `No calls ${days}.`;
  return `Busiest ${days}: ${WEEKDAY_NAMES[top.weekday]}s around ${hourLabel(top.hour)} (${plural(top.calls, "call", "calls")}).`;
}

function Empty({ title, description, icon }: { title: string; description: string; icon: typeof PhoneIcon }) {
  return (
    <Card className="lg:col-span-2">
      <CardContent>
        <EmptyState icon={icon} title={title} description={description} />
      </CardContent>
    </Card>
  );
}

export function DashboardCharts({ charts, period }: Props) {
  const { totals, buckets } = charts;
  const phrase = RANGE_PHRASES[period.range];
  const busiestDays = period.range === "30d" ? "in the last 30 days" : "in the last 7 days";
  const reasons = charts.reasons.map((r) => ({ label: r.reason ? REASON_LABELS[r.reason] : "Hung up before saying", calls: r.calls }));
  const textsTotal = totals.textsSent + totals.textsFailed;
  const perWhat = period.bucket === "hour" ? "Hour" : "Day";

  return (
    <div className="grid grid-cols-1 gap-4 sm:gap-6 lg:grid-cols-2">
      {totals.calls === 0 ? (
        <Empty icon={PhoneIcon} title={`No calls ${phrase} yet`} description="When clients call your number, how each call went shows here." />
      ) : (
        <>
          <ChartCard
            id="chart-calls"
            className="lg:col-span-2"
            title={period.bucket === "hour" ? "Calls by hour" : "Calls per day"}
            summary={callsSummary(charts, phrase)}
            table={{
              caption: `Calls ${phrase} by ${perWhat.toLowerCase()} and outcome`,
              head: [perWhat, "Staff", "Bolt", "Voicemail", "Missed", "Booked by Bolt", "Average length"],
              rows: buckets.map((b) => [bucketTitle(b.at, period.bucket), b.staff, b.bolt, b.voicemail, b.missed, b.bookedByBolt, formatDuration(averageCallSeconds(b))]),
            }}
          >
            <CallsChart buckets={buckets} bucket={period.bucket} />
          </ChartCard>
          <ChartCard id="chart-busiest" title="Busiest times" summary={busiestSummary(charts.busiestTimes, busiestDays)}>
            <BusiestTimes cells={charts.busiestTimes} caption={`Calls by weekday and hour ${busiestDays}, salon time`} />
          </ChartCard>
          <ChartCard
            id="chart-reasons"
            title="Why people called"
            summary={reasons.slice(0, 3).map((r) => `${r.label}: ${n(r.calls)}`).join(" · ")}
            table={{ caption: `Calls ${phrase} by reason`, head: ["Reason", "Calls"], rows: reasons.map((r) => [r.label, r.calls]) }}
          >
            <ReasonsChart reasons={reasons} />
          </ChartCard>
        </>
      )}
      {textsTotal === 0 ? (
        <Empty icon={MessageSquareTextIcon} title={`No texts sent ${phrase} yet`} description="Reminders, confirmations and replies show here with how many arrived." />
      ) : (
        <>
          <ChartCard
            id="chart-texts"
            title="Texts and delivery"
            summary={`${plural(totals.textsSent, "text", "texts")} sent ${phrase}, ${percent(deliveryRate(totals))} delivered, ${n(totals.textsFailed)} failed; ${plural(totals.optOuts, "opt-out", "opt-outs")}.`}
            table={{
              caption: `Texts ${phrase} by ${perWhat.toLowerCase()}`,
              head: [perWhat, "Sent", "Delivered", "Failed", "Delivery rate", "Opt-outs"],
              rows: buckets.map((b) => [bucketTitle(b.at, period.bucket), b.textsSent, b.textsDelivered, b.textsFailed, percent(deliveryRate(b)), b.optOuts]),
            }}
          >
            <TextsChart buckets={buckets} bucket={period.bucket} />
          </ChartCard>
          <ChartCard
            id="chart-failures"
            title="Why texts failed"
            summary={totals.textsFailed === 0 ? `No text failed ${phrase}.` : `${plural(totals.textsFailed, "text", "texts")} failed ${phrase}.`}
          >
            {charts.failures.length === 0 ? (
              <p className="text-sm text-muted-foreground">Nothing failed.</p>
            ) : (
              <ul className="divide-y rounded-lg border text-sm">
                {charts.failures.map((f) => (
                  <li key={f.reason} className="flex items-start justify-between gap-3 px-3 py-2">
                    <span>{f.reason}</span>
                    <span className="shrink-0 font-medium tabular-nums">{n(f.texts)}</span>
                  </li>
                ))}
              </ul>
            )}
          </ChartCard>
        </>
      )}
    </div>
  );
}
