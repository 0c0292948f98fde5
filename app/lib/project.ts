import { notFound } from "next/navigation";
import { cache } from "react";
import type { ServiceContext } from "@/server/context";
import { listLabels, listProjectMembers, listProjects, listStatuses, type Project } from "@/server/projects";
import type { Task } from "@/server/tasks";
import type { TaskListInput } from "@/server/tasks/filters";
import { listProjectTasks } from "@/server/tasks/list";
import { listMembers } from "@/server/workspaces";
import type { BoardData, Person } from "@/components/tasks/types";

/** The project behind `/w/[slug]/p/[key]`, archived ones included; 404 when invisible. */
export const loadProject = cache(async (ctx: ServiceContext, slug: string, key: string): Promise<Project> => {
  const upper = key.toUpperCase();
  for (const archived of ["false", "true"] as const) {
    let cursor: string | undefined;
    do {
      const page = await listProjects({ ctx, slug, query: { limit: 100, cursor, archived } });
      const found = page.data.find((p) => p.key === upper);
      if (found) return found;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  notFound();
});

async function all<T>(fetch: (cursor?: string) => Promise<{ data: T[]; nextCursor: string | null }>, max = 10_000): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    out.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < max);
  return out;
}

/** Everyone who may work on the project's tasks: explicit members, plus workspace members when it is open to the workspace. */
export const loadPeople = cache(async (ctx: ServiceContext, slug: string, project: Project): Promise<Person[]> => {
  const explicit = await all((cursor) => listProjectMembers({ ctx, projectId: project.id, page: { limit: 100, cursor } }));
  const people = new Map<string, Person>(explicit.map((m) => [m.user.id, { id: m.user.id, name: m.user.name, email: m.user.email }]));
  if (project.visibility === "workspace") {
    const ws = await all((cursor) => listMembers({ ctx, slug, page: { limit: 100, cursor } }));
    for (const m of ws) if (m.role !== "guest") people.set(m.user.id, { id: m.user.id, name: m.user.name, email: m.user.email });
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
});

export async function loadAllTasks(ctx: ServiceContext, projectId: string, query: TaskListInput = {}): Promise<Task[]> {
  return all((cursor) => listProjectTasks({ ctx, projectId, query: { ...query, limit: 100, cursor } }));
}

/** What every task view needs besides the tasks: statuses, labels, people. */
export const loadProjectMeta = cache(async (ctx: ServiceContext, slug: string, project: Project): Promise<Omit<BoardData, "tasks">> => {
  const [statuses, labels, people] = await Promise.all([
    all((cursor) => listStatuses({ ctx, projectId: project.id, page: { limit: 100, cursor } })),
    all((cursor) => listLabels({ ctx, projectId: project.id, page: { limit: 100, cursor } })),
    loadPeople(ctx, slug, project),
  ]);
  return {
    project: { id: project.id, key: project.key, name: project.name, role: project.role, archived: project.archivedAt !== null },
    slug,
    statuses: statuses.map((s) => ({ id: s.id, name: s.name, category: s.category, color: s.color, position: s.position, isDefault: s.isDefault })),
    labels: labels.map((l) => ({ id: l.id, name: l.name, color: l.color })),
    people,
  };
});

/** The board and the list: the project's meta and its tasks matching the URL's filters (the same service filters as the API). */
export async function loadBoardData(ctx: ServiceContext, slug: string, project: Project, query: TaskListInput = {}): Promise<BoardData> {
  const [meta, tasks] = await Promise.all([loadProjectMeta(ctx, slug, project), loadAllTasks(ctx, project.id, query)]);
  return { ...meta, tasks };
}
