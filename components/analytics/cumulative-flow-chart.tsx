"use client";

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ProjectAnalytics } from "@/server/analytics/schemas";
import { ChartFrame } from "./chart-frame";
import { axis, grid, legend, series, shortDate, tooltip } from "./chart-style";

type Status = ProjectAnalytics["counts"]["byStatus"][number];

/** Tasks per status at the end of each day, stacked with finished work at the bottom: widening bands show where work piles up. */
export function CumulativeFlowChart({
  days,
  statuses,
  csvHref,
}: {
  days: ProjectAnalytics["cumulativeFlow"];
  statuses: Status[];
  csvHref?: string;
}) {
  const bottomUp = [...statuses].reverse();
  const data = days.map((d) => ({ date: d.date, ...d.counts }));
  return (
    <ChartFrame
      title="Cumulative flow"
      description="Tasks in each status at the end of each day, rebuilt from the status history."
      csvHref={csvHref}
      table={{
        columns: ["Date", ...statuses.map((s) => s.name)],
        rows: days.map((d) => [d.date, ...statuses.map((s) => d.counts[s.statusId] ?? 0)]),
        numeric: [false, ...statuses.map(() => true)],
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid {...grid} vertical={false} />
          <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={24} {...axis} />
          <YAxis allowDecimals={false} {...axis} />
          <Tooltip {...tooltip} labelFormatter={(l) => shortDate(String(l))} />
          <Legend {...legend} />
          {bottomUp.map((s) => {
            const colour = series(statuses.indexOf(s));
            return (
              <Area
                key={s.statusId}
                type="stepAfter"
                dataKey={s.statusId}
                name={s.name}
                stackId="flow"
                stroke={colour}
                fill={colour}
                fillOpacity={0.55}
                isAnimationActive={false}
              />
            );
          })}
        </AreaChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
