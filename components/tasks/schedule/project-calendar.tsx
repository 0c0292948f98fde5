"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { FilterBar } from "../filter-bar";
import { filtersFrom } from "../filters";
import { TaskDrawer } from "../task-drawer";
import { ViewsMenu } from "../views-menu";
import { Calendar } from "./calendar";
import { formatMonth, today } from "./dates";
import { monthGrid } from "./month";
import type { ScheduleData } from "./types";
import css from "./schedule.module.css";

export function ProjectCalendar(props: { data: ScheduleData; month: string; me: string; realtimeUrl: string | null }) {
  const { data, month, me, realtimeUrl } = props;
  const params = useSearchParams();
  const query = params.toString();
  const filters = useMemo(() => filtersFrom(Object.fromEntries(new URLSearchParams(query))), [query]);
  const { prev, next } = monthGrid(month);
  const link = (m: string | null) => {
    const p = new URLSearchParams(query);
    p.delete("task");
    if (m === null) p.delete("month");
    else p.set("month", m);
    return `?${p.toString()}`;
  };
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
        <h2>{formatMonth(`${month}-01`)}</h2>
        <Link className="btn" href={link(prev)} aria-label="Previous month">
          ← {formatMonth(`${prev}-01`).split(" ")[0]}
        </Link>
        <Link className="btn" href={link(month === today().slice(0, 7) ? month : null)}>
          This month
        </Link>
        <Link className="btn" href={link(next)} aria-label="Next month">
          {formatMonth(`${next}-01`).split(" ")[0]} →
        </Link>
      </div>
      <Calendar data={data} month={month} filters={filters} me={me} realtimeUrl={realtimeUrl} />
      <TaskDrawer meta={meta} me={me} realtimeUrl={realtimeUrl} />
    </>
  );
}
