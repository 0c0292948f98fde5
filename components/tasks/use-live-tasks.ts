"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { subscribeProject } from "@/components/realtime/client";
import { matches, type Filters } from "./filters";
import type { Task } from "./types";

/**
 * The project's tasks as the page shows them: the server render, then live events from the
 * realtime sidecar, and local optimistic edits (`replace`) that the caller may roll back.
 */
export function useLiveTasks(opts: { initial: Task[]; projectId: string; realtimeUrl: string | null; filters: Filters; me: string }) {
  const router = useRouter();
  const [state, setState] = useState({ initial: opts.initial, tasks: opts.initial });
  // A new server render (filters changed, refresh) replaces the local list.
  if (state.initial !== opts.initial) setState({ initial: opts.initial, tasks: opts.initial });
  const tasks = state.initial === opts.initial ? state.tasks : opts.initial;

  const update = useCallback((f: (tasks: Task[]) => Task[]) => setState((s) => ({ ...s, tasks: f(s.tasks) })), []);
  const replace = useCallback((task: Task) => update((list) => list.map((t) => (t.id === task.id ? task : t))), [update]);

  const { projectId, realtimeUrl, filters, me } = opts;
  useEffect(() => {
    if (!realtimeUrl) return;
    return subscribeProject(
      realtimeUrl,
      projectId,
      ["task.created", "task.updated", "task.deleted", "task.restored"],
      (event) => {
        if (event.type === "task.deleted") {
          const { id } = event.data;
          update((list) => list.filter((t) => t.id !== id));
          return;
        }
        // A restored task comes back as it was, like a new one.
        const task = event.type === "task.updated" ? event.data.task : event.data;
        update((list) => {
          const existing = list.find((t) => t.id === task.id);
          if (existing && existing.version >= task.version) return list;
          if (!matches(task, filters, me)) return list.filter((t) => t.id !== task.id);
          return existing ? list.map((t) => (t.id === task.id ? task : t)) : [...list, task];
        });
      },
      () => router.refresh(),
    );
  }, [projectId, realtimeUrl, filters, me, update, router]);

  return { tasks, update, replace };
}
