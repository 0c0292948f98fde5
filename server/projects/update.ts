import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { projects } from "@/db/schema";
import type { ServiceContext } from "../context";
import { requireUserId, withTransaction } from "../transaction";
import { ConflictError, isUniqueViolation, PreconditionFailedError } from "../errors";
import type { projectFields } from "../events/catalog";
import { recordEvent } from "../events/record";
import { getProjectForActorOrThrow, toProject, type ProjectRow } from "./internal";
import { UpdateProjectInput, type Project } from "./schemas";

type ProjectField = (typeof projectFields)[number];

/**
 * Bumps the version; with If-Match the update is conditional on it, so of two writers holding the
 * same version only one wins and the other gets 412. The outbox row commits with the change.
 */
export async function writeProject(
  tx: Database,
  ctx: ServiceContext,
  current: ProjectRow,
  changes: Partial<Pick<ProjectRow, ProjectField>>,
  ifMatch: number | undefined,
): Promise<ProjectRow> {
  if (ifMatch !== undefined && ifMatch !== current.version) throw new PreconditionFailedError();
  const [row] = await tx
    .update(projects)
    .set({ ...changes, version: sql`${projects.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(projects.id, current.id), ifMatch !== undefined ? eq(projects.version, ifMatch) : undefined))
    .returning();
  if (!row) throw new PreconditionFailedError();
  const { role: _role, ...data } = toProject(row, "admin");
  await recordEvent(tx, {
    type: "project.updated",
    projectId: row.id,
    actorId: requireUserId(ctx),
    data: { ...data, changed: Object.keys(changes) as ProjectField[] },
  });
  return row;
}

/** Settings: project admins (and workspace owners/admins). */
export async function updateProject(args: {
  ctx: ServiceContext;
  projectId: string;
  input: UpdateProjectInput;
  ifMatch?: number;
}): Promise<Project> {
  const input = UpdateProjectInput.parse(args.input);
  try {
    return await withTransaction(args.ctx, async (tx) => {
      const { project, role } = await getProjectForActorOrThrow({
        db: tx,
        ctx: args.ctx,
        projectId: args.projectId,
        action: "project.admin",
      });
      const changes = Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && project[k as keyof ProjectRow] !== v));
      if (Object.keys(changes).length === 0) {
        if (args.ifMatch !== undefined && args.ifMatch !== project.version) throw new PreconditionFailedError();
        return toProject(project, role);
      }
      return toProject(await writeProject(tx, args.ctx, project, changes, args.ifMatch), role);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The key "${input.key}" is already used by another project in this workspace`);
    throw error;
  }
}
