"use client";

import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { ProjectAnalytics } from "@/server/analytics/schemas";
import { ChartFrame } from "./chart-frame";
import { axis, grid, tooltip } from "./chart-style";

const day = (ms: number) => new Date(ms).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
const fmt = (h: number | null) => (h === null ? "—" : h >= 48 ? `${Math.round(h / 2.4) / 10} d` : `${h} h`);

/** Each completed task at its completion date and cycle time, with the p50/p85/p95 lines. */
export function CycleTimeChart({
  tasks,
  percentiles,
  csvHref,
}: {
  tasks: ProjectAnalytics["completions"];
  percentiles: ProjectAnalytics["cycleTimeHours"];
  csvHref?: string;
}) {
  const points = tasks
    .filter((t) => t.cycleTimeHours !== null)
    .map((t) => ({ x: Date.parse(t.completedAt), y: t.cycleTimeHours, key: t.key, title: t.title }));
  const lines = [
    { label: "p50", value: percentiles.p50, colour: "var(--chart-p50)" },
    { label: "p85", value: percentiles.p85, colour: "var(--chart-p85)" },
    { label: "p95", value: percentiles.p95, colour: "var(--chart-p95)" },
  ];
  return (
    <ChartFrame
      title="Cycle time"
      description={`From first start to done, per completed task. p50 ${fmt(percentiles.p50)} · p85 ${fmt(percentiles.p85)} · p95 ${fmt(percentiles.p95)}.`}
      csvHref={csvHref}
      table={{
        columns: ["Task", "Title", "Completed", "Cycle time (h)", "Lead time (h)"],
        rows: tasks.map((t) => [t.key, t.title, t.completedAt.slice(0, 10), t.cycleTimeHours, t.leadTimeHours]),
        numeric: [false, false, false, true, true],
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 40, bottom: 0, left: -8 }}>
          <CartesianGrid {...grid} />
          <XAxis type="number" dataKey="x" name="Completed" domain={["dataMin", "dataMax"]} tickFormatter={day} scale="time" {...axis} />
          <YAxis type="number" dataKey="y" name="Cycle time" unit=" h" {...axis} />
          <Tooltip
            {...tooltip}
            formatter={(value, name) => (name === "Completed" ? day(Number(value)) : `${String(value)} h`)}
            labelFormatter={() => ""}
          />
          <Scatter data={points} fill="var(--chart-created)" isAnimationActive={false} />
          {lines.map((l) =>
            l.value === null ? null : (
              <ReferenceLine
                key={l.label}
                y={l.value}
                stroke={l.colour}
                strokeDasharray="4 4"
                label={{ value: l.label, position: "right", fill: l.colour, fontSize: 12 }}
              />
            ),
          )}
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
