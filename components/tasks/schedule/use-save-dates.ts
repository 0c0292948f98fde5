"use client";
import { useCallback } from "react";
import { updateTaskAction } from "@/app/actions/tasks";
import { toast } from "@/components/ui/toast";
import type { Task } from "../types";

type Dates = { startDate: string | null; dueDate: string | null };

/**
 * Saves a task's new dates the way the board saves a move: shown at once, sent with the version
 * it was made on (If-Match), and put back with a message when the server refuses.
 */
export function useSaveDates(update: (f: (tasks: Task[]) => Task[]) => void) {
  return useCallback(
    async (task: Task, dates: Dates) => {
      if (dates.startDate === task.startDate && dates.dueDate === task.dueDate) return;
      const optimistic: Task = { ...task, ...dates };
      update((list) => list.map((t) => (t.id === task.id ? optimistic : t)));
      let result: Awaited<ReturnType<typeof updateTaskAction>>;
      try {
        result = await updateTaskAction(task.id, dates, task.version);
      } catch {
        result = { ok: false, error: "the server could not be reached" };
      }
      if (result.ok) {
        const saved = result.data;
        update((list) => list.map((t) => (t.id === saved.id && t.version <= saved.version ? saved : t)));
        return;
      }
      update((list) => list.map((t) => (t === optimistic ? task : t)));
      toast(
        result.status === "PRECONDITION_FAILED"
          ? `“${task.title}” was changed by someone else meanwhile; your change was undone. Try again on the latest version.`
          : `Could not change the dates of “${task.title}”: ${result.error}. They are back as they were.`,
        "error",
      );
    },
    [update],
  );
}
