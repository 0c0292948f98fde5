import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { projectMembers, projects, tasks, workspaceMembers, workspaces } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId } from "../transaction";
import { ConflictError, NotFoundError } from "../errors";
import { canSee, type ProjectAction } from "../auth/policy";
import { getProjectForActorOrThrow, type ProjectAccess } from "../projects/internal";

export type TaskRow = typeof tasks.$inferSelect;
/** `idOrKey` is a task id or a key like `ENG-42`; `workspace` (a slug) narrows key lookups. */
export type TaskRef = { idOrKey: string; workspace?: string };
export type TaskAccess = ProjectAccess & { task: TaskRow; key: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY = /^([A-Za-z][A-Za-z0-9]{1,9})-(\d{1,9})$/;

/**
 * The task with the caller's access to its project: 404 when it does not exist or its project is
 * invisible to the caller, 403 when the role is too low, 409 for a write to an archived project.
 * A deleted task (in the trash) is 404 unless `includeDeleted` (restoring it).
 */
export async function getTaskForActorOrThrow(args: {
  db: Database;
  ctx: ServiceContext;
  ref: TaskRef | string;
  action: ProjectAction;
  includeDeleted?: boolean;
}): Promise<TaskAccess> {
  const ref = typeof args.ref === "string" ? { idOrKey: args.ref } : args.ref;
  const taskId = await resolveTaskId(args.db, args.ctx, ref, args.includeDeleted ?? false);
  if (!taskId) throw new NotFoundError("Task");
  const [task] = await args.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, taskId), args.includeDeleted ? undefined : isNull(tasks.deletedAt)))
    .limit(1);
  if (!task) throw new NotFoundError("Task");
  let access: ProjectAccess;
  try {
    access = await getProjectForActorOrThrow({ db: args.db, ctx: args.ctx, projectId: task.projectId, action: args.action });
  } catch (error) {
    // The project's name would say more than "no such task".
    if (error instanceof NotFoundError) throw new NotFoundError("Task");
    throw error;
  }
  return { ...access, task, key: `${access.project.key}-${task.number}` };
}

/**
 * A key may exist in several of the caller's workspaces (keys are unique per workspace). Without
 * `workspace` the match in the project created first wins, so the answer never changes over time.
 */
async function resolveTaskId(db: Database, ctx: ServiceContext, ref: TaskRef, includeDeleted: boolean): Promise<string | null> {
  if (UUID.test(ref.idOrKey)) return ref.idOrKey.toLowerCase();
  const m = KEY.exec(ref.idOrKey);
  if (!m) return null;
  const userId = requireUserId(ctx);
  const rows = await db
    .select({ id: tasks.id, workspaceRole: workspaceMembers.role, projectRole: projectMembers.role, visibility: projects.visibility })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .innerJoin(workspaces, eq(workspaces.id, projects.workspaceId))
    .innerJoin(workspaceMembers, and(eq(workspaceMembers.workspaceId, projects.workspaceId), eq(workspaceMembers.userId, userId)))
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, userId)))
    .where(
      and(
        eq(projects.key, m[1]!.toUpperCase()),
        eq(tasks.number, Number(m[2])),
        includeDeleted ? undefined : isNull(tasks.deletedAt),
        ref.workspace ? eq(workspaces.slug, ref.workspace) : undefined,
      ),
    )
    .orderBy(asc(projects.createdAt), asc(projects.id));
  const visible = rows.find((r) =>
    canSee({ type: "project", workspaceRole: r.workspaceRole, projectRole: r.projectRole, visibility: r.visibility }),
  );
  return visible?.id ?? null;
}

/**
 * Takes the project's row lock now, for the rarer writes whose checks span the project (such as "no
 * cycle"): they hold until commit. The hot writes (create, update, comment) take it only in
 * recordEvent, last. An archive that committed while we waited is caught here.
 */
export async function lockProject(db: Database, projectId: string): Promise<void> {
  const [row] = await db.select({ archivedAt: projects.archivedAt }).from(projects).where(eq(projects.id, projectId)).for("update");
  if (row?.archivedAt) throw new ConflictError("The project is archived; restore it before changing it");
}

/** A task of this project by id or key (`ENG-42` only matches when ENG is this project's key). */
export async function findTaskInProject(db: Database, project: { id: string; key: string }, idOrKey: string): Promise<TaskRow | null> {
  let where;
  if (UUID.test(idOrKey)) where = eq(tasks.id, idOrKey.toLowerCase());
  else {
    const m = KEY.exec(idOrKey);
    if (!m || m[1]!.toUpperCase() !== project.key) return null;
    where = eq(tasks.number, Number(m[2]));
  }
  const [row] = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.projectId, project.id), where, isNull(tasks.deletedAt)))
    .limit(1);
  return row ?? null;
}
