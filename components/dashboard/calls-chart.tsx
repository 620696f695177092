"use client";
// Calls per day (or per hour today), stacked by how they went. Data comes from the server; recharts needs the browser.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { bucketLabel, bucketTitle, SERIES_COLOURS } from "@/components/dashboard/chart-words";
import type { DashboardBucket } from "@/lib/dashboard/dashboard-figures";

const SERIES = [
  { key: "staff", name: "Answered by staff" },
  { key: "bolt", name: "Answered by Bolt" },
  { key: "voicemail", name: "Voicemail" },
  { key: "missed", name: "Missed" },
  { key: "inProgress", name: "In progress" },
] as const;

type Props = { buckets: DashboardBucket[]; bucket: "hour" | "day" };

export function CallsChart({ buckets, bucket }: Props) {
  // "In progress" only when a call is on the line now: otherwise it is an empty legend entry.
  const series = SERIES.filter((s) => s.key !== "inProgress" || buckets.some((b) => b.inProgress > 0));
  const data = buckets.map((b) => ({ ...b, label: bucketLabel(b.at, bucket), title: bucketTitle(b.at, bucket) }));
  return (
    <div className="h-64 w-full sm:h-72">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -20 }}>
          <CartesianGrid vertical={false} stroke="#e5e7eb" />
          <XAxis dataKey="label" tickLine={false} tick={{ fontSize: 12, fill: "#4b5563" }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: "#4b5563" }} />
          <Tooltip labelFormatter={(_, payload) => payload?.[0]?.payload?.title ?? ""} cursor={{ fill: "rgba(0,0,0,0.04)" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} iconType="square" itemSorter={(item) => SERIES.findIndex((s) => s.key === item.dataKey)} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} stackId="calls" fill={SERIES_COLOURS[s.key]} stroke="#fff" strokeWidth={1} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
