"use client";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { Filters } from "../filters";
import type { Task } from "../types";
import { useLiveTasks } from "../use-live-tasks";
import type { ScheduleData } from "./types";
import { useSaveDates } from "./use-save-dates";

/**
 * What the timeline and the calendar share: the window's tasks and the undated ones, kept live; a
 * date saver; and the link that opens a task in the drawer while keeping the view's parameters.
 */
export function useScheduleTasks(data: ScheduleData, opts: { filters: Filters; me: string; realtimeUrl: string | null }) {
  const params = useSearchParams();
  const initial = useMemo(() => [...data.tasks, ...data.schedule.undated], [data.tasks, data.schedule.undated]);
  const { tasks, update } = useLiveTasks({ initial, projectId: data.project.id, ...opts });
  const save = useSaveDates(update);
  const hrefOf = useCallback(
    (task: Task) => {
      const next = new URLSearchParams(params.toString());
      next.set("task", task.key);
      return `?${next.toString()}`;
    },
    [params],
  );
  return { tasks, save, hrefOf };
}
