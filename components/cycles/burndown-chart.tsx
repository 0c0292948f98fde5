"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CycleReport } from "@/server/cycles/schemas";
import { ChartFrame } from "@/components/analytics/chart-frame";
import { axis, grid, legend, series, shortDate, tooltip } from "@/components/analytics/chart-style";

/** Burndown (remaining against the ideal line) and burnup (completed against scope) of one cycle, per day. */
export function BurndownChart({ report }: { report: CycleReport }) {
  const unit = report.unit === "points" ? "points" : "tasks";
  return (
    <ChartFrame
      title="Burndown and burnup"
      description={`Remaining, completed and total ${unit} at the end of each day, rebuilt from the status and cycle history.`}
      table={{
        columns: ["Date", "Remaining", "Ideal", "Completed", "Scope"],
        rows: report.days.map((d) => [d.date, d.remaining, d.ideal, d.completed, d.scope]),
        numeric: [false, true, true, true, true],
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={report.days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid {...grid} vertical={false} />
          <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={24} {...axis} />
          <YAxis allowDecimals={report.unit === "points"} {...axis} />
          <Tooltip {...tooltip} labelFormatter={(l) => shortDate(String(l))} />
          <Legend {...legend} />
          <Line
            type="stepAfter"
            dataKey="remaining"
            name="Remaining"
            stroke={series(0)}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line type="linear" dataKey="ideal" name="Ideal" stroke={series(3)} strokeDasharray="4 4" dot={false} isAnimationActive={false} />
          <Line
            type="stepAfter"
            dataKey="completed"
            name="Completed"
            stroke={series(1)}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line type="stepAfter" dataKey="scope" name="Scope" stroke={series(2)} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
