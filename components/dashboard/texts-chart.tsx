"use client";
// Texts sent per day (or hour): delivered, failed, and those still awaiting the carrier's word, with the
// delivery rate as a line on its own 0–100% axis.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { bucketLabel, bucketTitle, SERIES_COLOURS } from "@/components/dashboard/chart-words";
import { deliveryRate, type DashboardBucket } from "@/lib/dashboard/dashboard-figures";

// Bars bottom to top, then the line.
const LEGEND_ORDER = ["delivered", "pending", "failed", "rate"];

type Props = { buckets: DashboardBucket[]; bucket: "hour" | "day" };

export function TextsChart({ buckets, bucket }: Props) {
  const data = buckets.map((b) => {
    const rate = deliveryRate(b);
    return {
      label: bucketLabel(b.at, bucket),
      title: bucketTitle(b.at, bucket),
      delivered: b.textsDelivered,
      pending: b.textsAwaiting,
      failed: b.textsFailed,
      rate: rate === null ? null : Math.round(rate * 100),
    };
  });
  return (
    <div className="h-64 w-full sm:h-72">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 4, right: -10, bottom: 0, left: -20 }}>
          <CartesianGrid vertical={false} stroke="#e5e7eb" />
          <XAxis dataKey="label" tickLine={false} tick={{ fontSize: 12, fill: "#4b5563" }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis yAxisId="texts" allowDecimals={false} tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: "#4b5563" }} />
          <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} unit="%" tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: "#4b5563" }} />
          <Tooltip labelFormatter={(_, payload) => payload?.[0]?.payload?.title ?? ""} cursor={{ fill: "rgba(0,0,0,0.04)" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => LEGEND_ORDER.indexOf(String(item.dataKey))} />
          <Bar yAxisId="texts" dataKey="delivered" name="Delivered" stackId="texts" fill={SERIES_COLOURS.delivered} stroke="#fff" isAnimationActive={false} />
          <Bar yAxisId="texts" dataKey="pending" name="Sent, not confirmed" stackId="texts" fill={SERIES_COLOURS.pending} stroke="#fff" isAnimationActive={false} />
          <Bar yAxisId="texts" dataKey="failed" name="Failed" stackId="texts" fill={SERIES_COLOURS.failed} stroke="#fff" isAnimationActive={false} />
          <Line yAxisId="rate" dataKey="rate" name="Delivery rate" unit="%" stroke={SERIES_COLOURS.rate} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
