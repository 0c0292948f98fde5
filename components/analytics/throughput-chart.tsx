"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ProjectAnalytics } from "@/server/analytics/schemas";
import { ChartFrame } from "./chart-frame";
import { axis, grid, legend, shortDate, tooltip } from "./chart-style";

/** Created vs completed per week: are we finishing faster than we start? */
export function ThroughputChart({ weeks, csvHref }: { weeks: ProjectAnalytics["throughput"]; csvHref?: string }) {
  const created = weeks.reduce((n, w) => n + w.created, 0);
  const completed = weeks.reduce((n, w) => n + w.completed, 0);
  return (
    <ChartFrame
      title="Throughput"
      description={`Created vs completed per week (weeks start Monday). In this range: ${created} created, ${completed} completed.`}
      csvHref={csvHref}
      table={{
        columns: ["Week of", "Created", "Completed"],
        rows: weeks.map((w) => [w.weekStart, w.created, w.completed]),
        numeric: [false, true, true],
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={weeks} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid {...grid} vertical={false} />
          <XAxis dataKey="weekStart" tickFormatter={shortDate} {...axis} />
          <YAxis allowDecimals={false} {...axis} />
          <Tooltip {...tooltip} labelFormatter={(l) => `Week of ${shortDate(String(l))}`} />
          <Legend {...legend} />
          <Bar dataKey="created" name="Created" fill="var(--chart-created)" radius={[3, 3, 0, 0]} />
          <Bar dataKey="completed" name="Completed" fill="var(--chart-completed)" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
