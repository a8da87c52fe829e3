"use client";

import { useRouter } from "next/navigation";
import { weekHref } from "./week-href";
import { formatMonthDay } from "@/lib/platform/format";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Point = { week: string; completions: number };

// weeks are UTC calendar days ("2026-11-30")
const label = (week: string) => formatMonthDay(`${week}T00:00:00Z`, { timeZone: "UTC" });

/**
 * Completions per week as a bar chart; clicking a bar opens that week's
 * completions. The chart is hidden from assistive technology; the same
 * numbers are in the table below it, whose weeks are links to the same lists
 * (the keyboard's way in).
 */
export function CompletionsChart({ data, query = "" }: { data: Point[]; query?: string }) {
  const router = useRouter();
  return (
    <div className="h-64 w-full" aria-hidden="true" data-testid="completions-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" tickFormatter={label} tick={{ fill: "#334155", fontSize: 12 }} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fill: "#334155", fontSize: 12 }} width={40} />
          <Tooltip labelFormatter={(w) => `Week of ${label(String(w))}`} formatter={(v) => [v, "Completions"]} />
          <Bar
            dataKey="completions"
            fill="#15564c"
            isAnimationActive={false}
            cursor="pointer"
            onClick={(bar: { payload?: Point }) => bar.payload && router.push(weekHref(bar.payload.week, query))}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
