import type { Schedule } from "@/server/tasks";
import type { BoardData } from "../types";

/** What the timeline and calendar pages render: the project's meta, the window's tasks, and the rest of the schedule. */
export type ScheduleData = BoardData & { schedule: Omit<Schedule, "tasks"> };
export type TimelineScale = "day" | "week" | "month";
