import { eq } from "drizzle-orm";
import { projects } from "@/db/schema";
import type { ServiceContext } from "../context";
import { withTransaction } from "../transaction";
import { PreconditionFailedError } from "../errors";
import { getProjectForActorOrThrow, toProject } from "./internal";
import type { Project } from "./schemas";
import { writeProject } from "./update";
import { recordAudit } from "../audit";

/** DELETE archives: the project leaves the list and refuses writes; archiving twice changes nothing. */
export async function archiveProject(args: { ctx: ServiceContext; projectId: string; ifMatch?: number }): Promise<void> {
  await withTransaction(args.ctx, async (tx) => {
    const { project } = await getProjectForActorOrThrow({
      db: tx,
      ctx: args.ctx,
      projectId: args.projectId,
      action: "project.admin",
      allowArchived: true,
    });
    if (project.archivedAt) {
      if (args.ifMatch !== undefined && args.ifMatch !== project.version) throw new PreconditionFailedError();
      return;
    }
    // FOR UPDATE (a plain UPDATE would not) waits for writes holding the project's key-share lock and
    // makes those that come after re-read it archived: they are refused (recordEvent's refuseArchived).
    await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, project.id)).for("update");
    await writeProject(tx, args.ctx, project, { archivedAt: args.ctx.now }, args.ifMatch);
    await recordAudit(tx, args.ctx, {
      workspaceId: project.workspaceId,
      type: "project.archived",
      target: { type: "project", id: project.id },
      data: { key: project.key, name: project.name },
    });
  });
}

/** Brings an archived project back; restoring an active one answers it unchanged. */
export async function restoreProject(args: { ctx: ServiceContext; projectId: string; ifMatch?: number }): Promise<Project> {
  return withTransaction(args.ctx, async (tx) => {
    const { project, role } = await getProjectForActorOrThrow({
      db: tx,
      ctx: args.ctx,
      projectId: args.projectId,
      action: "project.admin",
      allowArchived: true,
    });
    if (!project.archivedAt) {
      if (args.ifMatch !== undefined && args.ifMatch !== project.version) throw new PreconditionFailedError();
      return toProject(project, role);
    }
    const restored = await writeProject(tx, args.ctx, project, { archivedAt: null }, args.ifMatch);
    await recordAudit(tx, args.ctx, {
      workspaceId: project.workspaceId,
      type: "project.restored",
      target: { type: "project", id: project.id },
      data: { key: project.key, name: project.name },
    });
    return toProject(restored, role);
  });
}
