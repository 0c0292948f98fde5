import { notFound } from "next/navigation";
import { cache } from "react";
import type { ServiceContext } from "@/server/context";
import { NotFoundError } from "@/server/errors";
import { getProjectByKey, listLabels, listStatuses, type ProjectWithPermissions } from "@/server/projects";
import { getBoard, listAssignablePeople } from "@/server/tasks";
import { listFields } from "@/server/custom-fields";
import { listCycles } from "@/server/cycles";
import type { TaskListInput } from "@/server/tasks/filters";
import { listProjectTasks } from "@/server/tasks/list";
import type { BoardData, Person } from "@/components/tasks/types";

/** The project behind `/w/[slug]/p/[key]`, archived ones included; 404 when invisible. */
export const loadProject = cache(async (ctx: ServiceContext, slug: string, key: string): Promise<ProjectWithPermissions> => {
  try {
    return await getProjectByKey({ ctx, slug, key });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
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

/** Everyone who may work on the project's tasks, by the same rule the server applies to assignees. */
export const loadPeople = cache(async (ctx: ServiceContext, project: ProjectWithPermissions): Promise<Person[]> =>
  listAssignablePeople({ ctx, projectId: project.id }),
);

/** What every task view needs besides the tasks: statuses, labels, people, custom fields. */
export const loadProjectMeta = cache(
  async (ctx: ServiceContext, slug: string, project: ProjectWithPermissions): Promise<Omit<BoardData, "tasks">> => {
    const [statuses, labels, people, fields, cycles] = await Promise.all([
      all((cursor) => listStatuses({ ctx, projectId: project.id, page: { limit: 100, cursor } })),
      all((cursor) => listLabels({ ctx, projectId: project.id, page: { limit: 100, cursor } })),
      loadPeople(ctx, project),
      all((cursor) => listFields({ ctx, projectId: project.id, page: { limit: 100, cursor } })),
      all((cursor) => listCycles({ ctx, projectId: project.id, query: { state: "open", limit: 100, cursor } })),
    ]);
    return {
      project: {
        id: project.id,
        key: project.key,
        name: project.name,
        archived: project.archivedAt !== null,
        permissions: project.permissions,
      },
      slug,
      statuses: statuses.map((s) => ({
        id: s.id,
        name: s.name,
        category: s.category,
        color: s.color,
        position: s.position,
        isDefault: s.isDefault,
        wipLimit: s.wipLimit,
      })),
      labels: labels.map((l) => ({ id: l.id, name: l.name, color: l.color })),
      people,
      fields: fields.map((f) => ({
        id: f.id,
        name: f.name,
        type: f.type,
        options: f.options,
        required: f.required,
        showOnCard: f.showOnCard,
      })),
      cycles: cycles.map((c) => ({ id: c.id, name: c.name, startDate: c.startDate, endDate: c.endDate, state: c.state })),
    };
  },
);

/** The board: each column's first cards (getBoard), counts and cursors; a column loads more through the task list. */
export async function loadBoardData(
  ctx: ServiceContext,
  slug: string,
  project: ProjectWithPermissions,
  filters: TaskListInput = {},
): Promise<BoardData> {
  const [meta, board] = await Promise.all([loadProjectMeta(ctx, slug, project), getBoard({ ctx, projectId: project.id, filters })]);
  return {
    ...meta,
    tasks: board.columns.flatMap((c) => c.tasks),
    columns: board.columns.map((c) => ({ statusId: c.statusId, count: c.count, nextCursor: c.nextCursor })),
  };
}

/** The list: its first page in the URL's sort; the list loads further pages as it scrolls. */
export async function loadListData(
  ctx: ServiceContext,
  slug: string,
  project: ProjectWithPermissions,
  query: TaskListInput = {},
): Promise<BoardData> {
  const [meta, page] = await Promise.all([
    loadProjectMeta(ctx, slug, project),
    listProjectTasks({ ctx, projectId: project.id, query: { ...query, limit: 100 } }),
  ]);
  return { ...meta, tasks: page.data, list: { nextCursor: page.nextCursor, sort: query.sort } };
}
