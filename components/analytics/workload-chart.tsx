"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ProjectAnalytics } from "@/server/analytics/schemas";
import { ChartFrame } from "./chart-frame";
import { axis, grid, legend, tooltip } from "./chart-style";

/** Open tasks and open estimate per assignee: who is overloaded? */
export function WorkloadChart({ load, csvHref }: { load: ProjectAnalytics["counts"]["byAssignee"]; csvHref?: string }) {
  const data = load.map((a) => ({ name: a.user?.name ?? "Unassigned", count: a.count, estimate: a.estimate }));
  return (
    <ChartFrame
      title="Workload"
      description="Open tasks and their summed estimate per assignee (a shared task counts in full for each)."
      csvHref={csvHref}
      table={{
        columns: ["Assignee", "Open tasks", "Open estimate"],
        rows: data.map((d) => [d.name, d.count, d.estimate]),
        numeric: [false, true, true],
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid {...grid} horizontal={false} />
          <XAxis type="number" allowDecimals={false} {...axis} />
          <YAxis type="category" dataKey="name" width={110} {...axis} />
          <Tooltip {...tooltip} />
          <Legend {...legend} />
          <Bar dataKey="count" name="Open tasks" fill="var(--chart-created)" radius={[0, 3, 3, 0]} />
          <Bar dataKey="estimate" name="Open estimate" fill="var(--chart-3)" radius={[0, 3, 3, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
