"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { FilterBar } from "../filter-bar";
import { filtersFrom } from "../filters";
import { TaskDrawer } from "../task-drawer";
import { ViewsMenu } from "../views-menu";
import { addDays, formatDay } from "./dates";
import { SCALES, scaleOf } from "./scale";
import { Timeline } from "./timeline";
import type { ScheduleData, TimelineScale } from "./types";
import css from "./schedule.module.css";

export function ProjectTimeline(props: { data: ScheduleData; scale: TimelineScale; me: string; realtimeUrl: string | null }) {
  const { data, me, realtimeUrl } = props;
  const params = useSearchParams();
  const query = params.toString();
  const filters = useMemo(() => filtersFrom(Object.fromEntries(new URLSearchParams(query))), [query]);
  const scale = scaleOf(props.scale);
  const { from, to } = data.schedule;
  const link = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(query);
    next.delete("task");
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    return `?${next.toString()}`;
  };
  const step = Math.round(scale.days / 2);
  const { tasks: _tasks, schedule: _schedule, ...meta } = data;
  return (
    <>
      <FilterBar
        people={data.people}
        labels={data.labels}
        cycles={data.cycles}
        views={<ViewsMenu projectId={data.project.id} me={me} permissions={data.project.permissions} withLayout={false} />}
      />
      <div className={css.toolbar}>
        <h2>
          {formatDay(from)} – {formatDay(to)}
        </h2>
        <nav className={css.segmented} aria-label="Scale">
          {SCALES.map((s) => (
            <Link key={s.id} href={link({ scale: s.id === "day" ? null : s.id, from: null })} aria-current={s.id === scale.id}>
              {s.label}
            </Link>
          ))}
        </nav>
        <Link className="btn" href={link({ from: addDays(from, -step) })}>
          Earlier
        </Link>
        <Link className="btn" href={link({ from: null })}>
          Today
        </Link>
        <Link className="btn" href={link({ from: addDays(from, step) })}>
          Later
        </Link>
      </div>
      <Timeline data={data} filters={filters} me={me} realtimeUrl={realtimeUrl} scale={scale} />
      <TaskDrawer meta={meta} me={me} realtimeUrl={realtimeUrl} />
    </>
  );
}
