"use client";
// What callers wanted, most first, as horizontal bars (the labels are words, so they get the room).
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES_COLOURS } from "@/components/dashboard/chart-words";

type Props = { reasons: Array<{ label: string; calls: number }> };

export function ReasonsChart({ reasons }: Props) {
  return (
    <div className="w-full" style={{ height: Math.max(120, reasons.length * 34 + 24) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={reasons} layout="vertical" margin={{ top: 0, right: 28, bottom: 0, left: 0 }}>
          <CartesianGrid horizontal={false} stroke="#e5e7eb" />
          <XAxis type="number" allowDecimals={false} hide />
          <YAxis type="category" dataKey="label" width={132} tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: "#374151" }} />
          <Tooltip cursor={{ fill: "rgba(0,0,0,0.04)" }} />
          <Bar dataKey="calls" name="Calls" fill={SERIES_COLOURS.reason} radius={[0, 3, 3, 0]} maxBarSize={22} isAnimationActive={false}>
            <LabelList dataKey="calls" position="right" style={{ fontSize: 12, fill: "#374151" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
