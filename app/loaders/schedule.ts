import type { ServiceContext } from "@/server/context";
import type { ProjectWithPermissions } from "@/server/projects";
import { getSchedule } from "@/server/tasks";
import type { TaskFilters } from "@/server/tasks/filters";
import type { ScheduleData } from "@/components/tasks/schedule/types";
import { loadProjectMeta } from "./project";

/** The timeline and the calendar: the project's meta and the tasks whose dates touch from..to. */
export async function loadScheduleData(
  ctx: ServiceContext,
  slug: string,
  project: ProjectWithPermissions,
  window: {
    from: string;
    to: string;
    filters: Partial<Record<Exclude<keyof TaskFilters, "cf">, string>> & { cf?: Record<string, string> };
  },
): Promise<ScheduleData> {
  const [meta, { tasks, ...schedule }] = await Promise.all([
    loadProjectMeta(ctx, slug, project),
    getSchedule({ ctx, projectId: project.id, query: { ...window.filters, from: window.from, to: window.to } }),
  ]);
  // The views show titles and dates, never descriptions: don't ship them (as the board).
  const strip = <T extends { description: string }>(t: T) => (t.description ? { ...t, description: "" } : t);
  return { ...meta, tasks: tasks.map(strip), schedule: { ...schedule, undated: schedule.undated.map(strip) } };
}
